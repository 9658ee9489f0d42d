import "server-only";
import { z } from "zod";
import { markdownToBody } from "../articles/body/markdown";
import { parseArticleBody, serializeArticleBody, type ArticleBody } from "../articles/body/document";
import { canEditSitePages, type NewsroomUser } from "../auth/access";
import { db } from "../db/client";
import { nullWhenNotFound } from "../db/errors";
import { ForbiddenError, InvalidInputError } from "../errors";
import { firstFreeSlug, slugify } from "../slug";
import { storable, UNSTORABLE_TEXT_MESSAGE } from "../storable-text";

/*
 * The site's own pages (About, Contact, Terms…): their reads, their one write path, and who may
 * change them (ADMIN and EDITOR). A page is public once it exists: the footer lists every one.
 */

export interface SitePageLink {
  slug: string;
  title: string;
}

export interface SitePage extends SitePageLink {
  id: number;
  body: ArticleBody;
  updatedAt: Date;
}

/** The footer's list, in title order. */
export function listSitePages(): Promise<SitePageLink[]> {
  return db.sitePage.findMany({ select: { slug: true, title: true }, orderBy: { title: "asc" } });
}

export async function getSitePage(slug: string): Promise<SitePage | null> {
  const row = await db.sitePage.findUnique({ where: { slug } });
  return row ? { ...row, body: parseArticleBody(row.body) } : null;
}

export async function getSitePageById(actor: NewsroomUser, id: number): Promise<SitePage | null> {
  if (!canEditSitePages(actor)) throw new ForbiddenError();
  const row = await db.sitePage.findUnique({ where: { id } });
  return row ? { ...row, body: parseArticleBody(row.body) } : null;
}

/** Where a `?page_id=` link of the replaced site leads: the page's slug, or null. */
export async function findSitePageSlugByLegacyId(legacyId: string): Promise<string | null> {
  if (!/^\d{1,18}$/.test(legacyId)) return null;
  return (await db.sitePage.findUnique({ where: { legacyId }, select: { slug: true } }))?.slug ?? null;
}

export const sitePageFormSchema = z.object({
  title: z
    .string({ error: "العنوان مطلوب." })
    .trim()
    .min(1, { error: "العنوان مطلوب." })
    .max(120, { error: "العنوان أطول من ١٢٠ حرفًا." })
    .refine(storable, { error: UNSTORABLE_TEXT_MESSAGE }),
  slug: z
    .string()
    .trim()
    .optional()
    .transform((slug) => slug ?? "")
    .refine((slug) => slug === "" || slugify(slug) === slug, { error: "الرابط حروف وأرقام وشرطات فقط." }),
  body: z
    .string({ error: "النص مطلوب." })
    .max(100_000, { error: "النص أطول من المسموح." })
    .refine(storable, { error: UNSTORABLE_TEXT_MESSAGE })
    .transform((markdown, ctx) => {
      try {
        return markdownToBody(markdown);
      } catch {
        ctx.issues.push({ code: "custom", input: markdown, message: "النص مطلوب." });
        return z.NEVER;
      }
    }),
});

/** `base`, or the first `base-N` no page has, nor any in `alsoTaken`. */
export async function availableSitePageSlug(base: string, alsoTaken: ReadonlySet<string> = new Set()): Promise<string> {
  const stored = await db.sitePage.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return firstFreeSlug(base, new Set([...alsoTaken, ...stored.map((row) => row.slug)]));
}

/** The one write path of a page, for the newsroom's form and the importer alike. */
export async function writeSitePage(page: {
  id: number | null;
  title: string;
  slug: string;
  body: ArticleBody;
  legacyId?: string | null;
  sourceUrl?: string | null;
}): Promise<{ id: number; slug: string }> {
  const owner = await db.sitePage.findUnique({ where: { slug: page.slug }, select: { id: true } });
  if (owner && owner.id !== page.id) throw new InvalidInputError({ slug: ["هذا الرابط مستخدم لصفحة أخرى."] });
  const data = {
    title: page.title,
    slug: page.slug,
    body: serializeArticleBody(page.body),
    ...(page.legacyId !== undefined ? { legacyId: page.legacyId } : {}),
    ...(page.sourceUrl !== undefined ? { sourceUrl: page.sourceUrl } : {}),
  };
  const saved =
    page.id === null
      ? await db.sitePage.create({ data, select: { id: true, slug: true } })
      : await db.sitePage
          .update({ where: { id: page.id }, data, select: { id: true, slug: true } })
          .catch(nullWhenNotFound);
  if (!saved) throw new InvalidInputError({ title: ["صفحة غير موجودة."] });
  return saved;
}

/** An editor's save from the newsroom: validated here, whatever the form sent. */
export async function saveSitePage(
  actor: NewsroomUser,
  id: number | null,
  input: Partial<Record<"title" | "slug" | "body", unknown>>,
): Promise<{ id: number; slug: string }> {
  if (!canEditSitePages(actor)) throw new ForbiddenError();
  const parsed = sitePageFormSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(z.flattenError(parsed.error).fieldErrors);
  const { title, slug, body } = parsed.data;
  return writeSitePage({ id, title, slug: slug || slugify(title) || `page-${Date.now()}`, body });
}

/** The newsroom's list of pages. */
export function listSitePagesForNewsroom(actor: NewsroomUser): Promise<(SitePageLink & { id: number })[]> {
  if (!canEditSitePages(actor)) throw new ForbiddenError();
  return db.sitePage.findMany({ select: { id: true, slug: true, title: true }, orderBy: { title: "asc" } });
}
