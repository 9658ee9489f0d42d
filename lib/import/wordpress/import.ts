import "server-only";
import { serializeArticleBody, type ArticleBlock } from "../../articles/body/document";
import { saveArticle } from "../../articles/save";
import { availableSlug } from "../../articles/slugs";
import { writeArchivedComments } from "../../comments/archive";
import { db } from "../../db/client";
import { SITE_TIME_ZONE } from "../../format";
import { availableSitePageSlug, writeSitePage } from "../../pages/pages";
import { sitePagePath } from "../../paths";
import { sectionNamed } from "../../taxonomy/sections";
import { existingAuthorAccount, importedAuthorAccount } from "../../users/accounts";
import { writeLegacyAddresses, writePageAddresses } from "./addresses";
import type { WxrAuthor, WxrItem } from "./entries";
import { planItem, type ItemPlan, type MappingContext, type PlannedArticle, type PlannedPage } from "./mapping";
import { EMPTY_BODY_PLACEHOLDER } from "./content";
import { MediaImporter, type MediaSource } from "./media";
import { countInto, emptyReport, type ArticleOutcome, type ImportReport, type ReportItem } from "./report";
import { readExport, scanExport } from "./scan";

/*
 * `npm run import:wordpress` and the newsroom's import page: a WordPress export, read twice. The
 * first pass checks the whole file and gathers what items refer to (nothing is written if it is
 * not a well-formed export); the second plans each item and writes it, one post with its tags,
 * comments and old addresses per transaction, through the articles' one write path. Posts are
 * found again by the export's site and their post id, so a second run (or one after a crash)
 * updates what the first wrote and adds the rest.
 */

export interface WordPressImportOptions {
  dryRun?: boolean;
  media?: MediaSource;
  /** The old site's time zone, for posts that carry only a local date (default: the portal's). */
  timeZone?: string;
  /** After each item of the second pass. */
  onProgress?: (progress: { done: number; total: number }) => void;
}

export async function importWordPressExport(
  file: string,
  { dryRun = false, media = {}, timeZone = SITE_TIME_ZONE, onProgress }: WordPressImportOptions = {},
): Promise<ImportReport> {
  const report = emptyReport(file, dryRun);
  const scan = await scanExport(file);
  report.site = scan.channel.siteUrl;
  report.wxrVersion = scan.channel.wxrVersion;
  report.items = Object.fromEntries(scan.itemsByType);
  const total = [...scan.itemsByType.values()].reduce((sum, count) => sum + count, 0);
  const run = new ImportRun(
    report,
    { ...scan.context, timeZone },
    new MediaImporter(media, scan.channel.siteUrl, dryRun),
    dryRun,
  );

  let done = 0;
  await readExport(file, async (entry) => {
    if (entry.kind !== "item") return;
    const { item } = entry;
    const line: ReportItem = {
      postId: item.postId,
      postType: item.postType,
      title: item.title,
      line: item.line,
      outcome: "skipped",
      notes: [],
    };
    const plan = planned(item, run.context);
    if (plan.kind === "unreadable") {
      line.outcome = "failed";
      line.notes.push(`not imported: its content could not be converted (${plan.reason})`);
      report.articles.failed += 1;
      report.lines.push(line);
    } else if (plan.kind === "skipped") {
      line.notes.push(plan.reason);
      countInto(report.skipped, item.postType || "(none)");
      report.lines.push(line);
    } else if (plan.kind === "article") {
      await run.article(plan.article, line);
    } else if (plan.kind === "page") {
      await run.page(plan.page, line);
    }
    onProgress?.({ done: (done += 1), total });
  });
  report.finishedAt = new Date().toISOString();
  return report;
}

/** The item's plan; content no converter can read (nested past any stack, say) fails this item alone. */
function planned(item: WxrItem, context: MappingContext): ItemPlan | { kind: "unreadable"; reason: string } {
  try {
    return planItem(item, context);
  } catch (error) {
    return { kind: "unreadable", reason: error instanceof Error ? error.message : String(error) };
  }
}

class ImportRun {
  private readonly accounts = new Map<string, { id: string; slug: string } | null>();
  private readonly sections = new Map<string, { id: number; slug: string }>();
  /** Slugs given out in this run, so a dry run too gives each article and page its own. */
  private readonly slugsTaken = new Set<string>();
  private readonly pageSlugsTaken = new Set<string>();

  private giveOut(taken: Set<string>, slug: string): string {
    taken.add(slug);
    return slug;
  }

  constructor(
    private readonly report: ImportReport,
    readonly context: MappingContext,
    private readonly media: MediaImporter,
    private readonly dryRun: boolean,
  ) {}

  async article(plan: PlannedArticle, line: ReportItem): Promise<void> {
    line.notes.push(...plan.notes);
    try {
      line.outcome = await this.write(plan, line);
    } catch (error) {
      line.outcome = "failed";
      line.notes.push(`not imported: ${(error as Error).message}`);
    }
    this.count(plan, line.outcome);
    line.notes = [...new Set(line.notes)];
    if (line.outcome === "failed" || line.notes.length > 0) this.report.lines.push(line);
  }

  async page(plan: PlannedPage, line: ReportItem): Promise<void> {
    line.notes.push(...plan.notes);
    try {
      line.outcome = await this.writePage(plan, line);
      this.report.pages[line.outcome] += 1;
    } catch (error) {
      line.outcome = "failed";
      this.report.pages.failed += 1;
      line.notes.push(`not imported: ${(error as Error).message}`);
    }
    if (line.outcome === "failed" || line.notes.length > 0) this.report.lines.push(line);
  }

  private async writePage(plan: PlannedPage, line: ReportItem): Promise<ArticleOutcome> {
    const existing = await db.sitePage.findUnique({
      where: { sourceUrl: plan.sourceUrl },
      select: { id: true, slug: true },
    });
    const slug =
      existing?.slug ?? this.giveOut(this.pageSlugsTaken, await availableSitePageSlug(plan.slug, this.pageSlugsTaken));
    if (slug !== plan.slug) line.notes.push(`slug ${plan.slug} is taken: ${slug}`);
    line.path = sitePagePath(slug);
    if (this.dryRun) return existing ? "updated" : "created";
    const legacyOwner = await db.sitePage.findUnique({ where: { legacyId: plan.postId }, select: { id: true } });
    const legacyId = !legacyOwner || legacyOwner.id === existing?.id ? plan.postId : null;
    const saved = await writeSitePage({
      id: existing?.id ?? null,
      title: plan.title,
      slug,
      body: plan.body,
      legacyId,
      sourceUrl: plan.sourceUrl,
    });
    await writePageAddresses(plan, saved.slug);
    return existing ? "updated" : "created";
  }

  private count(plan: PlannedArticle, outcome: ArticleOutcome | "skipped"): void {
    if (outcome === "skipped") return;
    this.report.articles[outcome] += 1;
    if (outcome === "failed") return;
    countInto(this.report.articles.byState, plan.trashed ? "TRASH" : plan.status);
    this.report.comments.skippedPingbacks += plan.skippedComments;
    if (outcome === "unchanged") return;
    this.report.comments.imported += plan.comments.length;
    for (const comment of plan.comments) countInto(this.report.comments.byStatus, comment.status);
  }

  private async write(plan: PlannedArticle, line: ReportItem): Promise<ArticleOutcome> {
    const { existing, legacyIdFree } = await this.existingArticle(plan);
    const legacyId = legacyIdFree ? plan.postId : null;
    if (legacyId === null) line.notes.push(`?p=${plan.postId} already leads to another article: not redirected here`);

    const author = await this.author(plan, line);
    const body = await this.bodyWithImportedImages(plan, line);
    const leadImage = plan.leadImage ? await this.media.resolve(plan.leadImage.url, plan.leadImage.alt) : null;
    if (leadImage && "missing" in leadImage) line.notes.push(`lead image not imported: ${leadImage.missing}`);
    const leadImageUrl = leadImage && "url" in leadImage ? leadImage.url : null;

    const slug = existing
      ? existing.slug
      : this.giveOut(this.slugsTaken, await availableSlug(plan.slug, this.slugsTaken));
    if (!existing && slug !== plan.slug) line.notes.push(`slug ${plan.slug} is taken: ${slug}`);
    line.path = `/articles/${slug}`;
    if (this.dryRun) return existing ? "updated" : "created";

    const section = plan.sectionName === null ? null : await this.section(plan.sectionName);
    const columns = {
      headline: plan.headline,
      dek: plan.dek,
      body: serializeArticleBody(body),
      sectionId: section?.id ?? null,
      authorId: author?.id ?? null,
      bylineLabel: author ? null : (plan.author?.displayName ?? plan.bylineLabel),
      leadImageUrl,
      leadImageAlt: leadImageUrl ? plan.leadImage?.alt || null : null,
      leadImageCaption: leadImageUrl ? plan.leadImage?.caption || null : null,
      status: plan.status,
      publishedAt: plan.publishedAt,
      commentsOpen: plan.commentsOpen,
      deletedAt: plan.trashed ? (existing?.deletedAt ?? new Date()) : null,
      sourceUrl: plan.sourceUrl,
      legacyId,
    };
    if (existing && (await sameAsStored(existing.id, columns, plan))) return "unchanged";
    let orphans: string[] = [];
    await saveArticle({
      id: existing?.id ?? null,
      columns: existing ? columns : { ...columns, slug },
      tags: plan.tags,
      // The export's comments setting is the article's: no close date of the portal's on top.
      commentsCloseAfterDays: existing ? undefined : null,
      savedBy: null,
      alongside: async (tx, article) => {
        orphans = (await writeArchivedComments(tx, article.id, plan.comments)).orphans;
        await writeLegacyAddresses(tx, article.id, plan, this.context, {
          sectionSlug: section?.slug ?? null,
          authorSlug: author?.slug ?? null,
        });
      },
    });
    this.report.comments.orphanReplies += orphans.length;
    if (orphans.length)
      line.notes.push(`replies whose parent is not in the export kept unthreaded: ${orphans.join(", ")}`);
    return existing ? "updated" : "created";
  }

  /**
   * The article an earlier run (or the seed's page importer) made of this post: the same site and
   * post id, over http or https, with or without www; and whether the post id is free for `?p=`.
   */
  private async existingArticle(plan: PlannedArticle) {
    const candidates = await db.article.findMany({
      where: { OR: [{ sourceUrl: plan.sourceUrl }, { legacyId: plan.postId }] },
      select: { id: true, slug: true, deletedAt: true, sourceUrl: true, legacyId: true },
    });
    const existing =
      candidates.find((article) => article.sourceUrl === plan.sourceUrl) ??
      candidates.find((article) => article.sourceUrl !== null && sameSite(article.sourceUrl, plan.sourceUrl)) ??
      null;
    const owner = candidates.find((article) => article.legacyId === plan.postId);
    return { existing, legacyIdFree: !owner || owner.id === existing?.id };
  }

  private async section(name: string): Promise<{ id: number; slug: string }> {
    let section = this.sections.get(name);
    if (!section) {
      section = await sectionNamed(name);
      this.sections.set(name, section);
    }
    return section;
  }

  /** The author's account (looked up or made once per run), or null: the name is then the byline. */
  private async author(plan: PlannedArticle, line: ReportItem): Promise<{ id: string; slug: string } | null> {
    const key = plan.author?.login ?? `byline:${plan.bylineLabel}`;
    if (this.accounts.has(key)) return this.accounts.get(key) ?? null;
    const account = plan.author ? await this.account(plan.author) : null;
    if (!account && (plan.author || plan.bylineLabel)) this.report.authors.bylineOnly += 1;
    if (!account && plan.author) {
      line.notes.push(
        `author ${plan.author.login} has no usable email: kept as the byline «${plan.author.displayName}»`,
      );
    }
    this.accounts.set(key, account);
    return account;
  }

  private async account(author: WxrAuthor): Promise<{ id: string; slug: string } | null> {
    const found = this.dryRun
      ? await existingAuthorAccount(author.email)
      : await importedAuthorAccount({ email: author.email, name: author.displayName });
    // A dry run counts the account it would make; its id is never used.
    const account = found ?? (this.dryRun && author.email ? { id: "", slug: "", created: true } : null);
    if (account) this.report.authors[account.created ? "created" : "existing"] += 1;
    return account;
  }

  /** The body's images on the old site, brought into the media library; one that cannot be is left out. */
  private async bodyWithImportedImages(plan: PlannedArticle, line: ReportItem) {
    const blocks: ArticleBlock[] = [];
    for (const block of plan.body.blocks) {
      if (block.type !== "image" || !this.media.isOldSiteImage(block.src)) {
        blocks.push(block);
        continue;
      }
      const image = await this.media.resolve(block.src, block.alt);
      if ("url" in image) blocks.push({ ...block, src: image.url });
      else {
        line.notes.push(`image not imported: ${image.missing}`);
        if (block.caption) blocks.push({ type: "paragraph", text: block.caption });
      }
    }
    if (blocks.length === 0) blocks.push(EMPTY_BODY_PLACEHOLDER);
    return { ...plan.body, blocks };
  }
}

const siteHost = (url: string) => new URL(url).hostname.replace(/^www\./, "");

function sameSite(a: string, b: string): boolean {
  try {
    return siteHost(a) === siteHost(b);
  } catch {
    return false;
  }
}

type StoredValue = string | number | boolean | Date | null;
const sameValue = (a: StoredValue | undefined, b: StoredValue | undefined) =>
  a instanceof Date || b instanceof Date
    ? (a as Date | null)?.getTime() === (b as Date | null)?.getTime()
    : (a ?? null) === (b ?? null);

/**
 * Whether the article an earlier run wrote already says all this post says (columns, tags,
 * comments and their threads): then a second run writes nothing, and adds no revision.
 */
async function sameAsStored(
  articleId: number,
  columns: Record<string, StoredValue>,
  plan: PlannedArticle,
): Promise<boolean> {
  const stored = await db.article.findUniqueOrThrow({
    where: { id: articleId },
    include: {
      tags: { select: { tag: { select: { name: true } } } },
      comments: {
        where: { legacyId: { not: null } },
        select: {
          legacyId: true,
          authorName: true,
          authorEmail: true,
          body: true,
          status: true,
          createdAt: true,
          parent: { select: { legacyId: true } },
        },
      },
    },
  });
  const row = stored as unknown as Record<string, StoredValue>;
  if (!Object.entries(columns).every(([column, value]) => sameValue(row[column], value))) return false;
  const tags = stored.tags.map(({ tag }) => tag.name).sort();
  if (JSON.stringify(tags) !== JSON.stringify([...plan.tags].sort())) return false;
  if (stored.comments.length !== plan.comments.length) return false;
  const byId = new Map(stored.comments.map((comment) => [comment.legacyId, comment]));
  return plan.comments.every((comment) => {
    const found = byId.get(comment.legacyId);
    return (
      found !== undefined &&
      found.authorName === comment.authorName &&
      found.authorEmail === comment.authorEmail &&
      found.body === comment.body &&
      found.status === comment.status &&
      found.createdAt.getTime() === comment.createdAt.getTime() &&
      (found.parent?.legacyId ?? null) === comment.parentLegacyId
    );
  });
}
