import Database from "better-sqlite3";
import pg from "pg";
import { databaseProvider } from "@/lib/db/url";

/*
 * The bench's own reads of the archive it serves, on either database: which article to load,
 * and whether the comments the server acknowledged were stored. Read-only on both.
 */

export interface ArchiveReader {
  /** The newest published article that takes comments, with its section. */
  newestOpenArticle(): Promise<OpenArticle>;
  /** The comments whose body matches the LIKE pattern. */
  commentsLike(pattern: string): Promise<CommentRow[]>;
}

interface OpenArticle {
  id: number;
  slug: string;
  sectionSlug: string;
}

interface CommentRow {
  articleId: number;
  status: string;
  body: string;
}

const COMMENTS_LIKE = (parameter: string) =>
  `SELECT "articleId", "status", "body" FROM "Comment" WHERE "body" LIKE ${parameter}`;

const NEWEST_OPEN_ARTICLE = (commentsOpen: string) =>
  `SELECT a."id" AS "id", a."slug" AS "slug", s."slug" AS "sectionSlug" FROM "Article" a JOIN "Section" s ON s."id" = a."sectionId"
   WHERE a."status" = 'PUBLISHED' AND a."deletedAt" IS NULL AND a."commentsOpen" = ${commentsOpen}
   ORDER BY a."publishedAt" DESC, a."id" DESC LIMIT 1`;

function noOpenArticle(): never {
  throw new Error("the archive has no published article open to comments");
}

export async function withArchiveReader<T>(
  databaseUrl: string,
  use: (reader: ArchiveReader) => Promise<T>,
): Promise<T> {
  return databaseProvider(databaseUrl) === "postgresql"
    ? withPostgresqlReader(databaseUrl, use)
    : withSqliteReader(databaseUrl, use);
}

async function withSqliteReader<T>(databaseUrl: string, use: (reader: ArchiveReader) => Promise<T>): Promise<T> {
  const db = new Database(databaseUrl.slice("file:".length), { readonly: true, fileMustExist: true });
  try {
    return await use({
      newestOpenArticle: () =>
        Promise.resolve((db.prepare(NEWEST_OPEN_ARTICLE("1")).get() as OpenArticle | undefined) ?? noOpenArticle()),
      commentsLike: (pattern) => Promise.resolve(db.prepare(COMMENTS_LIKE("?")).all(pattern) as CommentRow[]),
    });
  } finally {
    db.close();
  }
}

async function withPostgresqlReader<T>(databaseUrl: string, use: (reader: ArchiveReader) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await use({
      newestOpenArticle: async () =>
        (await client.query<OpenArticle>(NEWEST_OPEN_ARTICLE("true"))).rows[0] ?? noOpenArticle(),
      commentsLike: async (pattern) => (await client.query<CommentRow>(COMMENTS_LIKE("$1"), [pattern])).rows,
    });
  } finally {
    await client.end();
  }
}
