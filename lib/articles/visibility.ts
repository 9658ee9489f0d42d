import "server-only";
import { dialect } from "../db/dialect";
import { Prisma } from "../generated/prisma/client";

/*
 * Which articles readers may see, written once: published, or scheduled and due, and not in the
 * trash. A scheduled article goes live at its time on the next read, with no cron job. Prisma
 * queries take `publicArticleWhere`, hand-written SQL (search, the comment insert) takes
 * `publicArticleSql`, and rows already read take `isPublicArticle`.
 */

const PUBLIC_STATUSES = ["PUBLISHED", "SCHEDULED"] as const;

interface ArticleVisibility {
  status: string;
  publishedAt: Date | null;
  deletedAt: Date | null;
}

export function isPublicArticle(article: ArticleVisibility, now: Date): boolean {
  return (
    (PUBLIC_STATUSES as readonly string[]).includes(article.status) &&
    article.publishedAt !== null &&
    article.publishedAt <= now &&
    article.deletedAt === null
  );
}

export function publicArticleWhere(now: Date): Prisma.ArticleWhereInput {
  return { status: { in: [...PUBLIC_STATUSES] }, publishedAt: { lte: now }, deletedAt: null };
}

// Literals, not parameters: constants of the code, and the query planner sees them.
const PUBLIC_STATUS_LIST = Prisma.raw(PUBLIC_STATUSES.map((status) => `'${status}'`).join(", "));

/** The rule over the article row aliased `a` in a hand-written statement. */
export function publicArticleSql(now: Date): Prisma.Sql {
  return Prisma.sql`a."status" IN (${PUBLIC_STATUS_LIST}) AND a."publishedAt" <= ${dialect.value(now, "timestamp(3)")} AND a."deletedAt" IS NULL`;
}
