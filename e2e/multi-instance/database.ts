import pg from "pg";
import { databaseUrl } from "./settings";

/** The comments stored for an article, read from the database both instances share. */
export async function countComments(articleId: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      'SELECT COUNT(*) AS count FROM "Comment" WHERE "articleId" = $1',
      [articleId],
    );
    return Number(rows[0].count);
  } finally {
    await client.end();
  }
}
