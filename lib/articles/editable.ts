import "server-only";
import { canEditArticle, type NewsroomUser } from "../auth/access";
import { db } from "../db/client";
import { ArticleNotFoundError, ForbiddenError } from "../errors";

/** The article an editor is about to change or look into, or the refusal: missing, or not theirs to edit. */
export async function loadEditableArticle(actor: NewsroomUser, id: number) {
  const article = await db.article.findUnique({
    where: { id },
    select: { id: true, slug: true, status: true, authorId: true, deletedAt: true, publishedAt: true },
  });
  if (!article) throw new ArticleNotFoundError();
  if (!canEditArticle(actor, article)) throw new ForbiddenError();
  return article;
}
