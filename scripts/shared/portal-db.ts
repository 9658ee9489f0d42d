/*
 * The ops scripts' direct access to the portal's SQLite file: arranging articles before a server
 * starts, and checking afterwards what was really stored (read-only whenever only reading).
 */
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { bodyFromParagraphs, serializeArticleBody } from "../../lib/articles/body/document";
import { articlePath } from "../../lib/paths";
import { markerLikePattern, storedByMarker } from "./comment-load";

// Stored the way Prisma's SQLite adapter stores dates, so the app compares them correctly.
const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

export interface OpenArticle {
  id: number;
  slug: string;
  path: string;
}

function withDatabase<T>(file: string, readonly: boolean, use: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(file, { readonly, fileMustExist: true, timeout: 5000 });
  try {
    return use(sqlite);
  } finally {
    sqlite.close();
  }
}

/** Published yesterday, comments open: articles any reader may comment on. */
export function createOpenArticles(file: string, count: number): OpenArticle[] {
  return withDatabase(file, false, (sqlite) => {
    const insert = sqlite.prepare(
      `INSERT INTO "Article" ("slug", "headline", "body", "status", "publishedAt", "commentsOpen", "createdAt", "updatedAt")
       VALUES (?, ?, ?, 'PUBLISHED', ?, 1, ?, ?)`,
    );
    const yesterday = sqliteDate(new Date(Date.now() - 24 * 60 * 60_000));
    return Array.from({ length: count }, (_, index) => {
      const slug = `خبر-للتشغيل-${index + 1}-${randomUUID().slice(0, 8)}`;
      const body = serializeArticleBody(bodyFromParagraphs([`فقرة خبر التشغيل رقم ${index + 1}.`]));
      const { lastInsertRowid } = insert.run(
        slug,
        `خبر للتشغيل رقم ${index + 1}`,
        body,
        yesterday,
        yesterday,
        yesterday,
      );
      return { id: Number(lastInsertRowid), slug, path: articlePath(slug) };
    });
  });
}

/**
 * An address with an approved comment (on an article of its own, so the load's articles count
 * only the load's comments): with moderation on, its new comments publish at once.
 */
export function createReturningCommenter(file: string): string {
  const email = `returning-${randomUUID().slice(0, 8)}@example.com`;
  const [article] = createOpenArticles(file, 1);
  withDatabase(file, false, (sqlite) =>
    sqlite
      .prepare(
        `INSERT INTO "Comment" ("articleId", "authorName", "authorEmail", "body", "status", "createdAt") VALUES (?, ?, ?, ?, 'APPROVED', ?)`,
      )
      .run(article.id, "قارئ دائم", email, "تعليق سابق مقبول", sqliteDate(new Date())),
  );
  return email;
}

/**
 * `count` approved comments of about 2 KB on an archive article of their own: a database of a
 * realistic size, which a backup cannot copy in one short step.
 */
export function prefillComments(file: string, count: number): void {
  const [archive] = createOpenArticles(file, 1);
  const text = "تعليق قديم في الأرشيف. ".repeat(45);
  const createdAt = sqliteDate(new Date(Date.now() - 12 * 60 * 60_000));
  withDatabase(file, false, (sqlite) => {
    const insert = sqlite.prepare(
      `INSERT INTO "Comment" ("articleId", "authorName", "body", "status", "createdAt") VALUES (?, 'قارئ قديم', ?, 'APPROVED', ?)`,
    );
    sqlite.transaction(() => {
      for (let index = 0; index < count; index += 1) insert.run(archive.id, `${text}${index}`, createdAt);
    })();
  });
}

export function integrityCheck(file: string): string {
  return withDatabase(file, true, (sqlite) => String(sqlite.pragma("integrity_check", { simple: true })));
}

export interface StoredComment {
  id: number;
  articleId: number;
  status: string;
  createdAt: Date;
}

/** The stored comments that carry one of the load run's markers, by marker. */
export function commentsByMarker(file: string, runId: string): Map<string, StoredComment> {
  const rows = withDatabase(
    file,
    true,
    (sqlite) =>
      sqlite
        .prepare(`SELECT "id", "articleId", "status", "createdAt", "body" FROM "Comment" WHERE "body" LIKE ?`)
        .all(markerLikePattern(runId)) as {
        id: number;
        articleId: number;
        status: string;
        createdAt: string;
        body: string;
      }[],
  );
  return storedByMarker(
    rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt) })),
    runId,
  );
}

export function approvedCommentCount(file: string, articleId: number): number {
  return withDatabase(file, true, (sqlite) => {
    const row = sqlite
      .prepare(`SELECT COUNT(*) AS n FROM "Comment" WHERE "articleId" = ? AND "status" = 'APPROVED'`)
      .get(articleId) as { n: number };
    return row.n;
  });
}

export function commentsOpen(file: string, articleId: number): boolean {
  return withDatabase(file, true, (sqlite) => {
    const row = sqlite.prepare(`SELECT "commentsOpen" FROM "Article" WHERE "id" = ?`).get(articleId) as {
      commentsOpen: number;
    };
    return row.commentsOpen === 1;
  });
}

/** The latest comment time stored for the article, or null when it has none. */
export function latestCommentAt(file: string, articleId: number): Date | null {
  return withDatabase(file, true, (sqlite) => {
    const row = sqlite
      .prepare(`SELECT MAX("createdAt") AS latest FROM "Comment" WHERE "articleId" = ?`)
      .get(articleId) as { latest: string | null };
    return row.latest ? new Date(row.latest) : null;
  });
}
