import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import Database from "better-sqlite3";
import pg from "pg";
import { bodyFromParagraphs, serializeArticleBody } from "../../lib/articles/body/document";
import { listArticlesPage, type ArticleListing } from "../../lib/articles/reads";
import { databaseUrl, sqliteFilePath } from "../../lib/db/url";
import { db } from "../../lib/db/client";
import type { Prisma } from "../../lib/generated/prisma/client";
import { slugify } from "../../lib/slug";
import { recordStatements, type RecordedStatement } from "../support/statement-recorder";
import {
  describeNode,
  explain,
  explainPostgresql,
  planNodes,
  planProblems,
  postgresqlPlanProblems,
} from "../support/query-plan";
import * as pages from "../support/reader-pages";
import { testLane } from "../support/test-lane";

/*
 * Every statement the reader pages and feeds run is explained (EXPLAIN QUERY PLAN, with the values
 * it was run with) on a database the size of a small newsroom's, and must be served by indexes
 * (the rules are in test/support/query-plan.ts). Checked as the portal ships, with no statistics,
 * and again after ANALYZE, when SQLite weighs the real row counts and would scan where an index
 * serves too few rows to be worth it. On PostgreSQL, EXPLAIN (FORMAT JSON) after ANALYZE, with
 * rules of its own beside SQLite's.
 */

const ARTICLES = 400;
const SECTIONS = 8;
const TAGS = 300;
const TAGS_PER_ARTICLE = 3;
const AUTHORS = 25;
const SOURCE_LABELS = ["وكالة الأنباء", "المناطق_متابعات", "مراسلون"];
const HOUR = 3_600_000;

function articleRow(number: number, now: number): Prisma.ArticleCreateManyInput {
  // Most articles are public; a few are drafts, scheduled for later, or in the trash.
  const draft = number % 25 === 0;
  const scheduled = number % 40 === 1;
  const bySource = number % 3 === 0;
  return {
    id: number,
    slug: `خبر-الخطة-${number}`,
    legacyId: bySource ? String(2_000_000 + number) : null,
    headline: number % 10 === 0 ? `خبر رقم ${number} عن كازاخستان` : `خبر رقم ${number}`,
    dek: number % 2 === 0 ? `موجز الخبر ${number}` : null,
    body: serializeArticleBody(bodyFromParagraphs([`الفقرة الأولى من الخبر ${number}.`, "فقرة ثانية."])),
    sectionId: 1 + (number % SECTIONS),
    // One prolific writer, the rest spread over the newsroom.
    authorId: bySource ? null : `author-${number % 4 === 1 ? 1 : number % AUTHORS}`,
    bylineLabel: bySource ? SOURCE_LABELS[number % SOURCE_LABELS.length] : null,
    status: draft ? "DRAFT" : scheduled ? "SCHEDULED" : "PUBLISHED",
    publishedAt: draft ? null : new Date(now + (scheduled ? 1 : -1) * number * HOUR),
    deletedAt: number % 33 === 0 ? new Date(now - HOUR) : null,
  };
}

/** Tag ids: one of ten running stories, then the long tail. */
function tagsOf(number: number): number[] {
  const tags = new Set([1 + (number % 10)]);
  for (let step = 1; tags.size < TAGS_PER_ARTICLE; step += 1) tags.add(11 + ((number * 7 + step * 13) % (TAGS - 10)));
  return [...tags];
}

async function seedNewsroom(): Promise<void> {
  const now = Date.now();
  await db.section.createMany({
    data: Array.from({ length: SECTIONS }, (_, index) => ({
      id: index + 1,
      name: `قسم ${index}`,
      slug: `قسم-${index}`,
    })),
  });
  await db.tag.createMany({
    data: Array.from({ length: TAGS }, (_, index) => ({ id: index + 1, name: `وسم ${index}`, slug: `وسم-${index}` })),
  });
  await db.user.createMany({
    data: Array.from({ length: AUTHORS }, (_, index) => ({
      id: `author-${index}`,
      email: `author-${index}@example.test`,
      name: `كاتب ${index}`,
      slug: `كاتب-${index}`,
      role: "AUTHOR" as const,
    })),
  });
  const numbers = Array.from({ length: ARTICLES }, (_, index) => index + 1);
  await db.article.createMany({ data: numbers.map((number) => articleRow(number, now)) });
  await db.articleTag.createMany({
    data: numbers.flatMap((number) => tagsOf(number).map((tagId) => ({ articleId: number, tagId }))),
  });
  const statuses = ["APPROVED", "APPROVED", "PENDING", "SPAM", "APPROVED", "REJECTED"] as const;
  await db.comment.createMany({
    data: numbers.flatMap((number) =>
      Array.from({ length: number % 7 }, (_, index) => ({
        articleId: number,
        authorName: `قارئ ${index}`,
        body: `تعليق ${index} على الخبر ${number}`,
        status: statuses[(number + index) % statuses.length],
        createdAt: new Date(now - number * HOUR + (index + 1) * 60_000),
      })),
    ),
  });
  await db.articleSlugRedirect.createMany({
    data: numbers
      .filter((number) => number % 20 === 2)
      .map((number) => ({ slug: `عنوان-قديم-${number}`, articleId: number })),
  });
}

/** The `before` value of a listing's link to its second page. */
async function olderPage(listing: ArticleListing): Promise<string> {
  const cursor = (await listArticlesPage(listing)).olderCursor;
  assert.ok(cursor, `${listing.kind} has a second page`);
  return cursor;
}

async function readerLoads(): Promise<Record<string, pages.PageLoad>> {
  // A public article with a section, tags, approved comments and a byline account.
  const subject = await db.article.findFirstOrThrow({
    where: {
      status: "PUBLISHED",
      deletedAt: null,
      authorId: { not: null },
      comments: { some: { status: "APPROVED" } },
    },
    select: { id: true, slug: true, section: { select: { slug: true } } },
  });
  const pending = await db.comment.findMany({ where: { status: "PENDING" }, take: 3, select: { id: true } });
  const section = subject.section?.slug ?? "";
  const tag = "وسم-7";
  const author = "كاتب-1";
  const label = SOURCE_LABELS[0];
  const legacy = await db.article.findFirstOrThrow({
    where: { legacyId: { not: null }, status: "PUBLISHED", deletedAt: null },
    select: { legacyId: true },
  });
  const renamed = await db.articleSlugRedirect.findFirstOrThrow({ select: { slug: true } });
  return {
    home: pages.homePage,
    article: pages.articlePage(
      subject.slug,
      pending.map((comment) => comment.id),
    ),
    "renamed article": pages.renamedArticle(renamed.slug),
    "legacy link": pages.legacyLink(legacy.legacyId ?? ""),
    section: pages.sectionPage(section),
    "section, older page": pages.sectionPage(section, await olderPage({ kind: "section", slug: section })),
    tag: pages.tagPage(tag),
    "tag, older page": pages.tagPage(tag, await olderPage({ kind: "tag", slug: tag })),
    author: pages.authorPage(author),
    "author, older page": pages.authorPage(author, await olderPage({ kind: "author", id: "author-1" })),
    source: pages.sourcePage(slugify(label)),
    "source, older page": pages.sourcePage(slugify(label), await olderPage({ kind: "source", label })),
    search: pages.searchPage("كازاخستان"),
    "site feed": pages.siteFeed,
    "section feed": pages.sectionFeed(section),
    sitemap: pages.sitemap,
    "sitemap, a part": pages.sitemapPart(50),
    "news sitemap": pages.newsSitemap,
  };
}

/**
 * Reads that cover a whole table on purpose: the sitemap lists (and counts) the sections and tags
 * that have public articles, so it reads them all; it counts the public articles; and it reads the
 * tag pairs of each batch of up to 5,000 articles by a range of article ids, which at this test's
 * size is every pair (SQLite, given statistics, then rightly scans). Such a read is a scan by nature
 * (lib/distribution/sitemaps.ts).
 */
const SITEMAP_WHOLE_READS = [
  "FROM `main`.`Section` WHERE 1=1 LIMIT",
  "FROM `main`.`Tag` WHERE 1=1 LIMIT",
  "FROM `main`.`Tag` WHERE EXISTS(",
  "SELECT COUNT(*) AS `_count$_all` FROM (SELECT `main`.`Article`.`id` FROM `main`.`Article` WHERE (`main`.`Article`.`status` IN (",
  "FROM `main`.`ArticleTag` WHERE (`main`.`ArticleTag`.`articleId` >= ? AND",
  // The same counts as Prisma writes them for PostgreSQL.
  'SELECT COUNT(*) AS "_count$_all" FROM (SELECT "public"."Tag"."id" FROM "public"."Tag" WHERE EXISTS(',
  'SELECT COUNT(*) AS "_count$_all" FROM (SELECT "public"."Article"."id" FROM "public"."Article" WHERE ("public"."Article"."status" IN (',
];
const WHOLE_TABLE_READS: Record<string, readonly string[]> = {
  sitemap: SITEMAP_WHOLE_READS,
  "sitemap, a part": SITEMAP_WHOLE_READS,
};

function readsWholeTable(page: string, statement: RecordedStatement): boolean {
  return (WHOLE_TABLE_READS[page] ?? []).some((fragment) => statement.sql.includes(fragment));
}

/** A statement's plan and what is wrong with it, on the lane's database. */
type PlanCheck = (statement: RecordedStatement) => Promise<{ plan: string; problems: string[] }>;

/** Runs every reader page and explains each statement it ran; lists the problems, page by page. */
async function planProblemsOfPages(loads: Record<string, pages.PageLoad>, check: PlanCheck): Promise<string[]> {
  const problems: string[] = [];
  for (const [page, load] of Object.entries(loads)) {
    let recording: Awaited<ReturnType<typeof recordStatements<number>>>;
    try {
      recording = await recordStatements(load);
    } catch (error) {
      // Listed with the other pages' problems, which still get checked.
      problems.push(`${page}: fails to load: ${String(error)}`);
      continue;
    }
    const { result: shown, statements } = recording;
    assert.ok(shown > 0 && statements.length > 0, `${page} shows something`);
    for (const statement of statements) {
      if (readsWholeTable(page, statement)) continue;
      const { plan, problems: found } = await check(statement);
      const sql = statement.sql.replace(/\?(,\?)+/g, "?,…").replace(/\$\d+(,\$\d+)+/g, "$…");
      problems.push(...found.map((problem) => `${page}: ${problem}\n    ${sql}\n    plan: ${plan}`));
    }
  }
  return problems;
}

describe(`query plans of the reader pages, with ${ARTICLES} articles`, () => {
  let loads: Record<string, pages.PageLoad>;

  before(async () => {
    await seedNewsroom();
    loads = await readerLoads();
  });

  if (testLane() === "sqlite") {
    // In this order: ANALYZE's statistics stay in the database file.
    for (const [name, analyze] of [
      ["without statistics, as the portal ships", false],
      ["after ANALYZE", true],
    ] as const) {
      test(`every statement is served by an index, ${name}`, async () => {
        if (analyze) await db.$executeRawUnsafe("ANALYZE");
        const sqlite = new Database(sqliteFilePath(), { readonly: true, fileMustExist: true });
        try {
          const problems = await planProblemsOfPages(loads, (statement) => {
            const plan = explain(sqlite, statement);
            return Promise.resolve({
              plan: plan.join(" | "),
              problems: planProblems(statement, plan, { analyzed: analyze }),
            });
          });
          assert.equal(problems.length, 0, `\n${problems.join("\n")}`);
        } finally {
          sqlite.close();
        }
      });
    }
  } else {
    // Only with statistics: what PostgreSQL plans without them depends on when autovacuum last ran,
    // and a production database has them (test/support/query-plan.ts says what is asserted and why).
    test("every statement is served by an index, after ANALYZE", async () => {
      await db.$executeRawUnsafe("ANALYZE");
      // Explained on a connection of its own, so the EXPLAINs are not recorded as the pages' statements.
      const postgresql = new pg.Client({ connectionString: databaseUrl() });
      await postgresql.connect();
      try {
        const problems = await planProblemsOfPages(loads, async (statement) => {
          const plan = await explainPostgresql(postgresql, statement);
          return {
            plan: planNodes(plan).map(describeNode).join(" | "),
            problems: postgresqlPlanProblems(statement, plan),
          };
        });
        assert.equal(problems.length, 0, `\n${problems.join("\n")}`);
      } finally {
        await postgresql.end();
      }
    });
  }
});
