import "server-only";
import { db } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import { isPublicArticle } from "../../articles/visibility";
import { articlePath, authorPath, sectionPath, tagPath } from "../../paths";
import type { MappingContext, PlannedArticle } from "./mapping";

/*
 * Every address of the replaced site keeps working: an imported post's permalink and its
 * attachment pages lead to the article, `/category/<slug>/`, `/tag/<slug>/` and `/author/<login>/`
 * to the section, tag and author pages. Stored as paths (decoded, without the trailing slash);
 * proxy.ts sends the paths no route of the portal has to the lookup below (`?p=` has its own,
 * through the article's legacy id).
 */

export interface LegacyAddressRow {
  path: string;
  /** The article it leads to, or the page's path for the others. */
  target: { articleId: number } | { path: string };
}

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
  authorId: string | null,
): Promise<void> {
  const rows: LegacyAddressRow[] = articleAddresses(plan, context).map((path) => ({ path, target: { articleId } }));
  if (plan.sectionTerm) {
    const section = await tx.section.findUnique({ where: { name: plan.sectionTerm.name }, select: { slug: true } });
    if (section) rows.push({ path: `/category/${plan.sectionTerm.slug}`, target: { path: sectionPath(section.slug) } });
  }
  for (const term of plan.tagTerms) {
    const tag = await tx.tag.findUnique({ where: { name: term.name }, select: { slug: true } });
    if (tag) rows.push({ path: `/${term.archive}/${term.slug}`, target: { path: tagPath(tag.slug) } });
  }
  if (plan.author && authorId) {
    const user = await tx.user.findUnique({ where: { id: authorId }, select: { slug: true, id: true } });
    if (user) rows.push({ path: `/author/${plan.author.login}`, target: { path: authorPath(user.slug ?? user.id) } });
  }
  for (const { path, target } of rows) {
    const data =
      "articleId" in target ? { articleId: target.articleId, target: null } : { articleId: null, target: target.path };
    await tx.legacyAddress.upsert({ where: { path }, create: { path, ...data }, update: data });
  }
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
