import "server-only";
import { db } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import { isPublicArticle } from "../../articles/visibility";
import { articlePath, authorPath, sectionPath, sitePagePath, tagPath } from "../../paths";
import type { MappingContext, PlannedArticle, PlannedPage } from "./mapping";

/*
 * Every address of the replaced site keeps working: an imported post's permalink and its
 * attachment pages lead to the article, a page's to the site page, `/category/<slug>/`, `/tag/<slug>/` and `/author/<login>/`
 * to the section, tag and author pages. Stored as paths (decoded, without the trailing slash);
 * proxy.ts sends the paths no route of the portal has to the lookup below (`?p=` has its own,
 * through the article's legacy id).
 */

/** `/2022/01/12/%d8%a7…/` and `/2022/01/12/ا…` are the same address: decoded, no trailing slash. */
export function normalizeLegacyPath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const trimmed = decoded.replace(/\/+$/, "");
  return trimmed.startsWith("/") && trimmed.length > 1 && trimmed.length <= 1000 ? trimmed : null;
}

/** The post's permalink and the pages of the attachments uploaded to it. */
function articleAddresses(plan: PlannedArticle, context: MappingContext): string[] {
  const links = [...plan.oldPaths];
  for (const attachment of context.attachments.values()) {
    if (attachment.parentId !== plan.postId || !attachment.link) continue;
    try {
      const url = new URL(attachment.link, context.siteUrl);
      if (url.origin === new URL(context.siteUrl).origin) links.push(url.pathname);
    } catch {
      // an attachment page address that is no URL has no path to keep
    }
  }
  return links.map(normalizeLegacyPath).filter((path): path is string => path !== null);
}

/** Writes the post's old addresses in its article's transaction (lib/articles/save.ts, `alongside`). */
export async function writeLegacyAddresses(
  tx: Prisma.TransactionClient,
  articleId: number,
  plan: PlannedArticle,
  context: MappingContext,
  pages: { sectionSlug: string | null; authorSlug: string | null },
): Promise<void> {
  const rows: AddressRow[] = articleAddresses(plan, context).map((path) => ({ path, articleId, target: null }));
  const page = (path: string, target: string) => rows.push({ path, articleId: null, target });
  if (plan.sectionTerm && pages.sectionSlug) page(`/category/${plan.sectionTerm.slug}`, sectionPath(pages.sectionSlug));
  if (plan.author && pages.authorSlug) page(`/author/${plan.author.login}`, authorPath(pages.authorSlug));
  if (plan.tagTerms.length) {
    const tags = await tx.tag.findMany({
      where: { name: { in: plan.tagTerms.map((term) => term.name) } },
      select: { name: true, slug: true },
    });
    for (const term of plan.tagTerms) {
      const tag = tags.find((candidate) => candidate.name === term.name);
      if (tag) page(`/${term.archive}/${term.slug}`, tagPath(tag.slug));
    }
  }
  await replaceAddresses(tx, rows);
}

type AddressRow = { path: string; articleId: number | null; target: string | null };

/** Each path leads where its row says from now on, whatever it led to before (two statements). */
async function replaceAddresses(client: Prisma.TransactionClient, rows: readonly AddressRow[]): Promise<void> {
  const unique = [...new Map(rows.map((row) => [row.path, row])).values()];
  if (unique.length === 0) return;
  await client.legacyAddress.deleteMany({ where: { path: { in: unique.map((row) => row.path) } } });
  await client.legacyAddress.createMany({ data: unique });
}

/** A page's old address (`/about/`), leading to the site page. */
export async function writePageAddresses(plan: PlannedPage, slug: string): Promise<void> {
  const target = sitePagePath(slug);
  const paths = plan.oldPaths.map(normalizeLegacyPath).filter((path): path is string => path !== null);
  await db.$transaction((tx) =>
    replaceAddresses(
      tx,
      paths.map((path) => ({ path, articleId: null, target })),
    ),
  );
}

/**
 * Where an old address leads now: the article's current path (its slug may have changed since),
 * or the page's; null when the address is unknown. `/category/a/b/` (a child category under its
 * parent) and `/tag/x/page/2/` (an archive's later page) lead where their last term leads.
 */
export async function findLegacyAddress(pathname: string, now = new Date()): Promise<string | null> {
  const path = normalizeLegacyPath(pathname);
  if (!path) return null;
  const withoutPage = path.replace(/\/page\/\d+$/, "");
  const candidates = [path, withoutPage];
  const archive = /^\/(category|tag|author)\/(?:.+\/)?([^/]+)$/.exec(withoutPage);
  if (archive) candidates.push(`/${archive[1]}/${archive[2]}`);
  const rows = await db.legacyAddress.findMany({
    where: { path: { in: [...new Set(candidates)] } },
    select: {
      path: true,
      target: true,
      article: { select: { slug: true, status: true, publishedAt: true, deletedAt: true } },
    },
  });
  for (const candidate of candidates) {
    const row = rows.find((found) => found.path === candidate);
    if (!row) continue;
    if (row.target) return row.target;
    if (row.article && isPublicArticle(row.article, now)) return articlePath(row.article.slug);
  }
  return null;
}
