import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { before, describe, test } from "node:test";
import { db } from "../../lib/db/client";
import { slugify } from "../../lib/slug";
import { recordStatements } from "../support/statement-recorder";
import { createArticle } from "../support/factories";
import * as pages from "../support/reader-pages";

/*
 * No N+1: the statements a request runs must not grow with the articles, tags and comments it shows.
 * Every page is loaded with FEW articles, then again after more are added (and the article page's
 * article has more tags and comments), and must run exactly its budget both times. The budgets are
 * the statements Prisma needs per page: one per table read (it loads each relation with one
 * `IN (…)` query for all rows), so a change to a page's queries shows here as a changed number.
 * The budgets are the same on SQLite and PostgreSQL: Prisma sends each lane the same statements.
 */

// Two articles by the author and two by the source, so each listing's older page shows one.
const FEW = 4;
const MANY = 30;

// Reader pages start with the layout's sections (1). A list of cards is 3: the articles, their
// sections, and the bodies of the cards without a dek (for the excerpt; these fixtures have none).
const STATEMENT_BUDGET = {
  // layout + cards
  home: 1 + 3,
  // layout + the article, its section, tags (2: links, then tags), author, approved count,
  // comments, own pending comments + related cards
  article: 1 + 8 + 3,
  // layout + the section (tag, author, source) + cards
  section: 1 + 1 + 3,
  "section, older page": 1 + 1 + 3,
  tag: 1 + 1 + 3,
  "tag, older page": 1 + 1 + 3,
  author: 1 + 1 + 3,
  "author, older page": 1 + 1 + 3,
  source: 1 + 1 + 3,
  "source, older page": 1 + 1 + 3,
  // layout + the count of matches, the page's ids, those articles, their sections
  search: 1 + 4,
  // articles, their sections, tags (2), bodies for descriptions
  "site feed": 5,
  // the section, then as the site feed
  "section feed": 1 + 5,
  // a batch of up to 5,000 articles and its tag pairs, sections, tags, then the articles again
  // for the one file (lib/distribution/sitemaps.ts)
  sitemap: 5,
  "news sitemap": 1,
} as const;

type PageName = keyof typeof STATEMENT_BUDGET;

interface Measured {
  shown: number;
  statements: string[];
}

async function measure(load: pages.PageLoad): Promise<Measured> {
  const { result, statements } = await recordStatements(load);
  return { shown: result, statements: statements.map((statement) => statement.sql) };
}

const label = "وكالة_الأنباء_للاختبار";
let section: { id: number; slug: string };
let sharedTag: { id: number; slug: string };
let author: { id: string; slug: string | null };
let articlesMade = 0;
const made: { id: number; slug: string; publishedAt: Date | null; authorId: string | null }[] = [];

/** Articles newest first in creation order, alternately by the author and by the source label, each with tags and comments. */
async function addArticles(count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    const number = articlesMade++;
    const article = await createArticle({
      headline: `أخبار كازاخستان رقم ${number}`,
      publishedAt: new Date(Date.now() - (number + 1) * 60_000),
    });
    const byAuthor = number % 2 === 0;
    const updated = await db.article.update({
      where: { id: article.id },
      data: {
        section: { connect: { id: section.id } },
        ...(byAuthor ? { author: { connect: { id: author.id } } } : { bylineLabel: label }),
        tags: {
          create: [
            { tag: { connect: { id: sharedTag.id } } },
            { tag: { create: { name: `وسم ${number}`, slug: `وسم-${number}` } } },
          ],
        },
        comments: {
          create: [
            { authorName: "قارئ", body: "تعليق أول", status: "APPROVED" },
            { authorName: "قارئة", body: "تعليق ثان", status: "APPROVED" },
            { authorName: "زائر", body: "بانتظار المراجعة", status: "PENDING" },
          ],
        },
      },
      select: { id: true, slug: true, publishedAt: true, authorId: true },
    });
    made.push(updated);
  }
}

/** The `before` value of a listing's "older" link just after its newest article. */
function cursorAfterNewest(matches: (article: (typeof made)[number]) => boolean): string {
  const newest = made.find(matches);
  assert.ok(newest?.publishedAt);
  return `${newest.publishedAt.toISOString()}~${newest.id}`;
}

/** More tags, comments and pending comments on the article the article page shows. */
async function growSubject(subjectId: number): Promise<number[]> {
  const tags = Array.from({ length: 8 }, (_, index) => ({
    tag: { create: { name: `وسم إضافي ${index}`, slug: `وسم-إضافي-${index}` } },
  }));
  const comments = Array.from({ length: 27 }, (_, index) => ({
    authorName: `قارئ ${index}`,
    body: `تعليق ${index}`,
    status: "APPROVED" as const,
  }));
  await db.article.update({
    where: { id: subjectId },
    data: { tags: { create: tags }, comments: { create: comments } },
  });
  const pending = await db.comment.findMany({
    where: { articleId: subjectId, status: "PENDING" },
    select: { id: true },
  });
  const more = await Promise.all(
    Array.from({ length: 4 }, (_, index) =>
      db.comment.create({
        data: { articleId: subjectId, authorName: "أنا", body: `تعليقي ${index}`, status: "PENDING" },
        select: { id: true },
      }),
    ),
  );
  return [...pending, ...more].map((comment) => comment.id);
}

function pageLoads(pendingIds: readonly number[]): Record<PageName, pages.PageLoad> {
  const subject = made[0];
  const sourceSlug = slugify(label);
  const byAuthor = (article: (typeof made)[number]) => article.authorId === author.id;
  return {
    home: pages.homePage,
    article: pages.articlePage(subject.slug, pendingIds),
    section: pages.sectionPage(section.slug),
    "section, older page": pages.sectionPage(
      section.slug,
      cursorAfterNewest(() => true),
    ),
    tag: pages.tagPage(sharedTag.slug),
    "tag, older page": pages.tagPage(
      sharedTag.slug,
      cursorAfterNewest(() => true),
    ),
    author: pages.authorPage(author.slug ?? author.id),
    "author, older page": pages.authorPage(author.slug ?? author.id, cursorAfterNewest(byAuthor)),
    source: pages.sourcePage(sourceSlug),
    "source, older page": pages.sourcePage(
      sourceSlug,
      cursorAfterNewest((article) => !byAuthor(article)),
    ),
    search: pages.searchPage("كازاخستان"),
    "site feed": pages.siteFeed,
    "section feed": pages.sectionFeed(section.slug),
    sitemap: pages.sitemap,
    "news sitemap": pages.newsSitemap,
  };
}

/** Each page's statements, or why it failed to load: that page's test fails, not every page's. */
async function measureAll(loads: Record<PageName, pages.PageLoad>): Promise<Map<PageName, Measured | Error>> {
  const measured = new Map<PageName, Measured | Error>();
  for (const [name, load] of Object.entries(loads) as [PageName, pages.PageLoad][]) {
    measured.set(
      name,
      await measure(load).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
    );
  }
  return measured;
}

describe(`statements per request, with ${FEW} articles and with ${MANY}`, () => {
  let few: Map<PageName, Measured | Error>;
  let many: Map<PageName, Measured | Error>;

  before(async () => {
    section = await db.section.create({
      data: { name: "قسم العد", slug: "قسم-العد" },
      select: { id: true, slug: true },
    });
    sharedTag = await db.tag.create({ data: { name: "وسم العد", slug: "وسم-العد" }, select: { id: true, slug: true } });
    author = await db.user.create({
      data: {
        id: randomUUID(),
        email: "counted@example.test",
        name: "كاتبة معدودة",
        slug: "كاتبة-معدودة",
        role: "AUTHOR",
      },
      select: { id: true, slug: true },
    });
    await addArticles(FEW);
    const subjectPending = await db.comment.findMany({
      where: { articleId: made[0].id, status: "PENDING" },
      select: { id: true },
    });
    few = await measureAll(pageLoads(subjectPending.map((comment) => comment.id)));
    await addArticles(MANY - FEW);
    many = await measureAll(pageLoads(await growSubject(made[0].id)));
  });

  for (const [name, budget] of Object.entries(STATEMENT_BUDGET) as [PageName, number][]) {
    test(`${name}: ${budget} statements`, (t) => {
      const [small, large] = [few.get(name), many.get(name)];
      assert.ok(small && large);
      if (small instanceof Error) throw small;
      if (large instanceof Error) throw large;
      t.diagnostic(
        `${name}: ${small.statements.length} statements showing ${small.shown} items, ${large.statements.length} showing ${large.shown}`,
      );
      assert.ok(large.shown > small.shown, `the larger page shows more (${small.shown} → ${large.shown})`);
      assert.equal(small.statements.length, budget, `with ${FEW} articles:\n${small.statements.join("\n")}`);
      assert.equal(large.statements.length, budget, `with ${MANY} articles:\n${large.statements.join("\n")}`);
    });
  }
});
