// Arranges and inspects test data in the e2e server's database directly, SQLite or PostgreSQL
// (e2e/support/paths.ts). Every article gets a unique slug, so tests share nothing. Each write
// expires the server's cached reader pages, as an import from the command line must
// (`npm run cache:purge`).
import { randomUUID } from "node:crypto";
import { bodyFromParagraphs, serializeArticleBody } from "../../lib/articles/body/document";
import { purgeReaderCache } from "./page-cache";
import { E2E_DATABASE_URL } from "./paths";
import { openSqlConnection } from "./sql-connection";

export interface TestArticle {
  id: number;
  slug: string;
  headline: string;
  paragraphs: string[];
}

/** What the access tests compare before and after a refused action. */
export interface StoredArticle {
  headline: string;
  status: string;
  commentsOpen: boolean;
  deletedAt: Date | null;
  updatedAt: Date;
}

// COUNT(*) is a bigint on PostgreSQL, which pg hands over as a string.
type CountRow = { n: number | string };

export class TestDatabase {
  private readonly connection = openSqlConnection(E2E_DATABASE_URL);

  async createArticle({
    commentsOpen = true,
    status = "PUBLISHED",
    // Yesterday: older than the seed (imported when the run's database was made), so tests that
    // find the seed on the home page or in the feed do not depend on how many articles ran before.
    publishedAt = new Date(Date.now() - 24 * 60 * 60_000),
    authorEmail = null,
    // The headline ends with the article's unique id, so a test can search for it.
    headlinePrefix = "خبر للاختبار رقم",
  }: {
    commentsOpen?: boolean;
    status?: "DRAFT" | "SCHEDULED" | "PUBLISHED";
    publishedAt?: Date | null;
    authorEmail?: string | null;
    headlinePrefix?: string;
  } = {}): Promise<TestArticle> {
    const unique = randomUUID().slice(0, 8);
    const slug = `خبر-اختبار-${unique}`;
    const headline = `${headlinePrefix} ${unique}`;
    const paragraphs = [`الفقرة الأولى من الخبر ${unique}.`, "الفقرة الثانية، وفيها «اقتباس» و“علامات” عربية."];
    const now = new Date();
    const [{ id }] = await this.connection.rows<{ id: number }>(
      `INSERT INTO "Article" ("slug", "headline", "body", "status", "publishedAt", "commentsOpen", "createdAt", "updatedAt", "authorId")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT "id" FROM "User" WHERE "email" = ?))
       RETURNING "id"`,
      [
        slug,
        headline,
        serializeArticleBody(bodyFromParagraphs(paragraphs)),
        status,
        publishedAt,
        commentsOpen,
        now,
        now,
        authorEmail,
      ],
    );
    await purgeReaderCache();
    return { id, slug, headline, paragraphs };
  }

  async setCommentsOpen(articleId: number, open: boolean): Promise<void> {
    await this.connection.rows(`UPDATE "Article" SET "commentsOpen" = ? WHERE "id" = ?`, [open, articleId]);
    await purgeReaderCache();
  }

  /** A headline changed outside the app, as an import would: the cached pages are expired after it. */
  async setHeadline(articleId: number, headline: string): Promise<void> {
    await this.connection.rows(`UPDATE "Article" SET "headline" = ?, "updatedAt" = ? WHERE "id" = ?`, [
      headline,
      new Date(),
      articleId,
    ]);
    await purgeReaderCache();
  }

  /** Every old address an import kept, with the headline of the public article it leads to, if it leads to one. */
  async legacyAddresses(): Promise<{ path: string; headline: string | null; target: string | null }[]> {
    return this.connection.rows(
      `SELECT l."path" AS "path", a."headline" AS "headline", l."target" AS "target"
       FROM "LegacyAddress" l LEFT JOIN "Article" a ON a."id" = l."articleId"
       WHERE l."articleId" IS NULL OR (a."deletedAt" IS NULL AND a."status" = 'PUBLISHED')
       ORDER BY l."path"`,
    );
  }

  async sitePageTitles(): Promise<string[]> {
    const rows = await this.connection.rows<{ title: string }>(`SELECT "title" FROM "SitePage" ORDER BY "id"`);
    return rows.map((row) => row.title);
  }

  async countComments(articleId: number): Promise<number> {
    const [row] = await this.connection.rows<CountRow>(`SELECT COUNT(*) AS n FROM "Comment" WHERE "articleId" = ?`, [
      articleId,
    ]);
    return Number(row.n);
  }

  async article(articleId: number): Promise<StoredArticle> {
    const [row] = await this.connection.rows<{
      headline: string;
      status: string;
      commentsOpen: boolean | number;
      deletedAt: Date | string | null;
      updatedAt: Date | string;
    }>(`SELECT "headline", "status", "commentsOpen", "deletedAt", "updatedAt" FROM "Article" WHERE "id" = ?`, [
      articleId,
    ]);
    // SQLite hands back 0/1 and ISO text, PostgreSQL booleans and dates.
    return {
      headline: row.headline,
      status: row.status,
      commentsOpen: Boolean(row.commentsOpen),
      deletedAt: row.deletedAt === null ? null : new Date(row.deletedAt),
      updatedAt: new Date(row.updatedAt),
    };
  }

  async createComment(
    articleId: number,
    { status, email = null, body }: { status: "PENDING" | "APPROVED"; email?: string | null; body: string },
  ): Promise<number> {
    const [{ id }] = await this.connection.rows<{ id: number }>(
      `INSERT INTO "Comment" ("articleId", "authorName", "authorEmail", "body", "status", "createdAt") VALUES (?, ?, ?, ?, ?, ?) RETURNING "id"`,
      [articleId, "قارئ سابق", email, body, status, new Date()],
    );
    await purgeReaderCache();
    return id;
  }

  async trash(articleId: number): Promise<void> {
    await this.connection.rows(`UPDATE "Article" SET "deletedAt" = ? WHERE "id" = ?`, [new Date(), articleId]);
    await purgeReaderCache();
  }

  /** An address with an approved comment elsewhere: with moderation on, its comments publish at once. */
  async returningCommenterEmail(): Promise<string> {
    const email = `reader-${randomUUID().slice(0, 8)}@example.com`;
    const article = await this.createArticle();
    await this.createComment(article.id, { status: "APPROVED", email, body: "تعليق سابق" });
    return email;
  }

  async commentStatus(commentId: number): Promise<string> {
    const [row] = await this.connection.rows<{ status: string }>(`SELECT "status" FROM "Comment" WHERE "id" = ?`, [
      commentId,
    ]);
    return row.status;
  }

  /** Moves every session of the account into the past, as if it had run out. */
  async expireSessions(email: string): Promise<void> {
    await this.connection.rows(
      `UPDATE "Session" SET "expiresAt" = ? WHERE "userId" = (SELECT "id" FROM "User" WHERE "email" = ?)`,
      [new Date(Date.now() - 60_000), email],
    );
  }

  /** Tags the article (creating the tag), as the editor's tags field does. */
  async tag(articleId: number, name: string, slug: string): Promise<void> {
    await this.connection.rows(
      `INSERT INTO "Tag" ("slug", "name", "createdAt") VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
      [slug, name, new Date()],
    );
    await this.connection.rows(
      `INSERT INTO "ArticleTag" ("articleId", "tagId") SELECT "Article"."id", "Tag"."id" FROM "Article", "Tag" WHERE "Article"."id" = ? AND "Tag"."slug" = ?`,
      [articleId, slug],
    );
    await purgeReaderCache();
  }

  async userCount(name: string): Promise<number> {
    const [row] = await this.connection.rows<CountRow>(`SELECT COUNT(*) AS n FROM "User" WHERE "name" = ?`, [name]);
    return Number(row.n);
  }

  async mediaCount(): Promise<number> {
    const [row] = await this.connection.rows<CountRow>(`SELECT COUNT(*) AS n FROM "Media"`);
    return Number(row.n);
  }

  async settings(): Promise<Record<string, string>> {
    const rows = await this.connection.rows<{ key: string; value: string }>(`SELECT "key", "value" FROM "Setting"`);
    return Object.fromEntries(rows.map((row) => [row.key, row.value]));
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}
