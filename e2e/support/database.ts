// Arranges and inspects test data in the e2e server's database directly. Every article gets a unique
// slug, so tests share nothing. Each write expires the server's cached reader pages, as an import
// from the command line must (`npm run cache:purge`).
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { bodyFromParagraphs, serializeArticleBody } from "../../lib/article-body";
import { purgeReaderCache } from "./page-cache";
import { E2E_DATABASE_FILE } from "./paths";

// Stored the way Prisma's SQLite adapter stores dates, so the app compares them correctly.
const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

export interface TestArticle {
  id: number;
  slug: string;
  headline: string;
  paragraphs: string[];
}

export class TestDatabase {
  private readonly sqlite = new Database(E2E_DATABASE_FILE, { timeout: 5000 });

  createArticle({
    commentsOpen = true,
    status = "PUBLISHED",
    // Yesterday: older than the seed (imported when the run's database was made), so tests that
    // find the seed on the home page or in the feed do not depend on how many articles ran before.
    publishedAt = new Date(Date.now() - 24 * 60 * 60_000),
    authorEmail = null,
  }: { commentsOpen?: boolean; status?: "DRAFT" | "SCHEDULED" | "PUBLISHED"; publishedAt?: Date | null; authorEmail?: string | null } = {}): TestArticle {
    const unique = randomUUID().slice(0, 8);
    const headline = `خبر للاختبار رقم ${unique}`;
    const paragraphs = [`الفقرة الأولى من الخبر ${unique}.`, "الفقرة الثانية، وفيها «اقتباس» و“علامات” عربية."];
    const now = sqliteDate(new Date());
    const { lastInsertRowid } = this.sqlite
      .prepare(
        `INSERT INTO "Article" ("slug", "headline", "body", "status", "publishedAt", "commentsOpen", "createdAt", "updatedAt", "authorId")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT "id" FROM "User" WHERE "email" = ?))`,
      )
      .run(
        `خبر-اختبار-${unique}`,
        headline,
        serializeArticleBody(bodyFromParagraphs(paragraphs)),
        status,
        publishedAt ? sqliteDate(publishedAt) : null,
        commentsOpen ? 1 : 0,
        now,
        now,
        authorEmail,
      );
    purgeReaderCache();
    return { id: Number(lastInsertRowid), slug: `خبر-اختبار-${unique}`, headline, paragraphs };
  }

  setCommentsOpen(articleId: number, open: boolean): void {
    this.sqlite.prepare(`UPDATE "Article" SET "commentsOpen" = ? WHERE "id" = ?`).run(open ? 1 : 0, articleId);
    purgeReaderCache();
  }

  countComments(articleId: number): number {
    const row = this.sqlite.prepare(`SELECT COUNT(*) AS n FROM "Comment" WHERE "articleId" = ?`).get(articleId) as { n: number };
    return row.n;
  }

  article(articleId: number) {
    return this.sqlite
      .prepare(`SELECT "headline", "status", "commentsOpen", "deletedAt", "updatedAt" FROM "Article" WHERE "id" = ?`)
      .get(articleId) as { headline: string; status: string; commentsOpen: number; deletedAt: string | null; updatedAt: string };
  }

  createComment(articleId: number, { status, email = null, body }: { status: "PENDING" | "APPROVED"; email?: string | null; body: string }): number {
    const { lastInsertRowid } = this.sqlite
      .prepare(`INSERT INTO "Comment" ("articleId", "authorName", "authorEmail", "body", "status", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`)
      .run(articleId, "قارئ سابق", email, body, status, sqliteDate(new Date()));
    purgeReaderCache();
    return Number(lastInsertRowid);
  }

  trash(articleId: number): void {
    this.sqlite.prepare(`UPDATE "Article" SET "deletedAt" = ? WHERE "id" = ?`).run(sqliteDate(new Date()), articleId);
    purgeReaderCache();
  }

  /** An address with an approved comment elsewhere: with moderation on, its comments publish at once. */
  returningCommenterEmail(): string {
    const email = `reader-${randomUUID().slice(0, 8)}@example.com`;
    this.createComment(this.createArticle().id, { status: "APPROVED", email, body: "تعليق سابق" });
    return email;
  }

  commentStatus(commentId: number): string {
    return (this.sqlite.prepare(`SELECT "status" FROM "Comment" WHERE "id" = ?`).get(commentId) as { status: string }).status;
  }

  /** Moves every session of the account into the past, as if it had run out. */
  expireSessions(email: string): void {
    this.sqlite
      .prepare(`UPDATE "Session" SET "expiresAt" = ? WHERE "userId" = (SELECT "id" FROM "User" WHERE "email" = ?)`)
      .run(sqliteDate(new Date(Date.now() - 60_000)), email);
  }

  /** Tags the article (creating the tag), as the editor's tags field does. */
  tag(articleId: number, name: string, slug: string): void {
    this.sqlite.prepare(`INSERT OR IGNORE INTO "Tag" ("slug", "name", "createdAt") VALUES (?, ?, ?)`).run(slug, name, sqliteDate(new Date()));
    this.sqlite
      .prepare(`INSERT INTO "ArticleTag" ("articleId", "tagId") SELECT ?, "id" FROM "Tag" WHERE "slug" = ?`)
      .run(articleId, slug);
    purgeReaderCache();
  }

  userCount(name: string): number {
    return (this.sqlite.prepare(`SELECT COUNT(*) AS n FROM "User" WHERE "name" = ?`).get(name) as { n: number }).n;
  }

  mediaCount(): number {
    return (this.sqlite.prepare(`SELECT COUNT(*) AS n FROM "Media"`).get() as { n: number }).n;
  }

  settings(): Record<string, string> {
    const rows = this.sqlite.prepare(`SELECT "key", "value" FROM "Setting"`).all() as { key: string; value: string }[];
    return Object.fromEntries(rows.map((row) => [row.key, row.value]));
  }

  close(): void {
    this.sqlite.close();
  }
}
