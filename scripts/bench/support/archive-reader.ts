import Database from "better-sqlite3";
import pg from "pg";
import { databaseProvider } from "@/lib/db/url";

/*
 * The bench's own reads of the archive it serves, on either database: which article to load,
 * and whether the comments the server acknowledged were stored. Read-only on both.
 */

export interface ArchiveReader {
  /** The newest published article that takes comments, with its section. */
  newestOpenArticle(): Promise<{ slug: string; sectionSlug: string }>;
  /** The bodies of the comments that contain `text`. */
  commentBodiesContaining(text: string): Promise<string[]>;
}

const NEWEST_OPEN_ARTICLE = (commentsOpen: string) =>
  `SELECT a."slug" AS "slug", s."slug" AS "sectionSlug" FROM "Article" a JOIN "Section" s ON s."id" = a."sectionId"
   WHERE a."status" = 'PUBLISHED' AND a."deletedAt" IS NULL AND a."commentsOpen" = ${commentsOpen}
   ORDER BY a."publishedAt" DESC, a."id" DESC LIMIT 1`;

/** `%` and `_` in `text` match themselves (LIKE … ESCAPE '\'), on both databases. */
const likeContaining = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

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
        Promise.resolve(
          (db.prepare(NEWEST_OPEN_ARTICLE("1")).get() as { slug: string; sectionSlug: string } | undefined) ??
            noOpenArticle(),
        ),
      commentBodiesContaining: (text) =>
        Promise.resolve(
          db
            .prepare(`SELECT "body" FROM "Comment" WHERE "body" LIKE ? ESCAPE '\\'`)
            .pluck()
            .all(likeContaining(text)) as string[],
        ),
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
        (await client.query<{ slug: string; sectionSlug: string }>(NEWEST_OPEN_ARTICLE("true"))).rows[0] ??
        noOpenArticle(),
      commentBodiesContaining: async (text) =>
        (
          await client.query<{ body: string }>(`SELECT "body" FROM "Comment" WHERE "body" LIKE $1 ESCAPE '\\'`, [
            likeContaining(text),
          ])
        ).rows.map(({ body }) => body),
    });
  } finally {
    await client.end();
  }
}
