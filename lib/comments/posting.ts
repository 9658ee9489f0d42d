import "server-only";
import { z } from "zod";
import { db } from "../db/client";
import { filledTooFast, looksLikeSpam } from "./spam";
import {
  ArticleNotFoundError,
  CommentRateLimitedError,
  CommentsClosedError,
  CommentTooFastError,
  InvalidInputError,
  ReplyParentUnavailableError,
} from "../errors";
import { BotCommentError } from "./answers";
import { reserveCommentSlot } from "./rate-limits";
import { getSettings } from "../settings";
import { isPublicArticle } from "../articles/visibility";
import { insertCommentIfArticleOpen } from "./insert";
import { acceptsComments } from "./rules";
import type { PublicComment } from "./listing";
import { commentInputSchema, type CommentField } from "./schema";

/** The stored comment as its writer may see it (text as stored, after trimming and normalizing). */
export interface PostedComment extends PublicComment {
  status: "PENDING" | "APPROVED";
}

interface PostContext {
  fingerprint: string | null;
  now?: Date;
  /** What the public form sends besides the comment: its honeypot field and its signed start time. */
  form?: { honeypot: unknown; token: unknown };
}

/**
 * Validates and stores a reader's comment or reply. Throws InvalidInputError, BotCommentError,
 * CommentTooFastError, ArticleNotFoundError, CommentsClosedError, ReplyParentUnavailableError or
 * CommentRateLimitedError; in each case nothing is written.
 */
export async function postComment(
  input: Partial<Record<CommentField, unknown>>,
  { fingerprint, now = new Date(), form }: PostContext,
): Promise<PostedComment> {
  if (form && typeof form.honeypot === "string" && form.honeypot.trim() !== "") throw new BotCommentError();
  const parsed = commentInputSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(z.flattenError(parsed.error).fieldErrors);
  if (form && filledTooFast(form.token, now)) throw new CommentTooFastError();
  const comment = parsed.data;
  const status =
    !looksLikeSpam(`${comment.authorName}\n${comment.body}`) && (await publishesAtOnce(comment.authorEmail))
      ? "APPROVED"
      : "PENDING";
  const slot = await reserveCommentSlot(fingerprint);
  const id = slot.granted
    ? await insertCommentIfArticleOpen({
        ...comment,
        status,
        fingerprint,
        createdAt: now,
        limits: slot.insertLimits,
      }).catch(async (error: unknown) => {
        await slot.release();
        throw error;
      })
    : null;
  if (id !== null) return { id, status, authorName: comment.authorName, body: comment.body, createdAt: now };
  await slot.release();

  const article = await db.article.findUnique({
    where: { id: comment.articleId },
    select: { status: true, publishedAt: true, deletedAt: true, commentsOpen: true, commentsCloseAt: true },
  });
  if (!article || !isPublicArticle(article, now)) throw new ArticleNotFoundError();
  if (!acceptsComments(article, now)) throw new CommentsClosedError();
  if (comment.parentId !== null && !(await isApprovedCommentOf(comment.parentId, comment.articleId)))
    throw new ReplyParentUnavailableError();
  throw new CommentRateLimitedError();
}

async function isApprovedCommentOf(commentId: number, articleId: number): Promise<boolean> {
  const parent = await db.comment.findUnique({ where: { id: commentId }, select: { articleId: true, status: true } });
  return parent?.articleId === articleId && parent.status === "APPROVED";
}

/** With moderation on, a commenter whose address already has an approved comment is trusted. */
async function publishesAtOnce(email: string | null): Promise<boolean> {
  if ((await getSettings()).commentModeration === "publish") return true;
  if (!email) return false;
  return (await db.comment.count({ where: { authorEmail: email, status: "APPROVED" }, take: 1 })) > 0;
}
