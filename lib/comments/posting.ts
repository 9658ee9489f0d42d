import "server-only";
import { z } from "zod";
import { db } from "../db/client";
import { filledTooFast, looksLikeSpam } from "./spam";
import {
  ArticleNotFoundError,
  BotCommentError,
  CommentRateLimitedError,
  CommentsClosedError,
  CommentTooFastError,
  InvalidInputError,
} from "../errors";
import { formatArabicNumber } from "../format";
import { reserveCommentSlot } from "./rate-limits";
import { getSettings } from "../settings";
import { isPublicArticle } from "../articles/visibility";
import { insertCommentIfArticleOpen } from "./insert";
import { acceptsComments } from "./rules";

export const COMMENT_NAME_MAX = 80;
export const COMMENT_BODY_MAX = 5000;
const EMAIL_MAX = 254;

// C0/C1 controls (a body may keep line breaks and tabs) and the bidi embedding, override and
// isolate controls, which let a commenter reorder the text around their comment.
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const characterCount = (text: string) => [...text].length;

function plainText(options: { multiline: boolean; max: number; requiredMessage: string; tooLongMessage: string }) {
  const control = options.multiline ? CONTROL_IN_TEXT : CONTROL_IN_LINE;
  return z
    .string({ error: options.requiredMessage })
    .transform((text) => text.replace(/\r\n?/g, "\n").normalize("NFC").trim())
    .check((ctx) => {
      const text = ctx.value;
      if (LONE_SURROGATE.test(text) || control.test(text)) {
        ctx.issues.push({ code: "custom", input: text, message: "يحتوي النص على محارف تحكّم غير مسموح بها." });
      } else if (BIDI_CONTROL.test(text)) {
        ctx.issues.push({ code: "custom", input: text, message: "يحتوي النص على محارف تغيير اتجاه غير مسموح بها." });
      } else if (text.length === 0) {
        ctx.issues.push({ code: "custom", input: text, message: options.requiredMessage });
      } else if (characterCount(text) > options.max) {
        ctx.issues.push({ code: "custom", input: text, message: options.tooLongMessage });
      }
    });
}

export const commentInputSchema = z.object({
  articleId: z.coerce.number({ error: "مقال غير معروف." }).int().positive({ error: "مقال غير معروف." }),
  authorName: plainText({
    multiline: false,
    max: COMMENT_NAME_MAX,
    requiredMessage: "اكتب اسمك.",
    tooLongMessage: `الاسم أطول من ${formatArabicNumber(COMMENT_NAME_MAX)} حرفًا.`,
  }),
  authorEmail: z
    .string()
    .trim()
    .toLowerCase()
    .transform((email) => email || null)
    .pipe(z.email({ error: "عنوان البريد الإلكتروني غير صالح." }).max(EMAIL_MAX).nullable())
    .optional()
    .transform((email) => email ?? null),
  body: plainText({
    multiline: true,
    max: COMMENT_BODY_MAX,
    requiredMessage: "اكتب نص التعليق.",
    tooLongMessage: `التعليق أطول من ${formatArabicNumber(COMMENT_BODY_MAX)} حرف.`,
  }),
});

export type CommentInput = z.input<typeof commentInputSchema>;
export type CommentField = keyof CommentInput;

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
 * Validates and stores a reader's comment. Throws InvalidInputError, BotCommentError,
 * CommentTooFastError, ArticleNotFoundError, CommentsClosedError or CommentRateLimitedError; in
 * each case nothing is written.
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
  const status = !looksLikeSpam(`${comment.authorName}\n${comment.body}`) && (await publishesAtOnce(comment.authorEmail)) ? "APPROVED" : "PENDING";
  const slot = await reserveCommentSlot(fingerprint);
  const id = slot.granted
    ? await insertCommentIfArticleOpen({ ...comment, status, fingerprint, createdAt: now, limits: slot.insertLimits }).catch(async (error: unknown) => {
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
  throw acceptsComments(article, now) ? new CommentRateLimitedError() : new CommentsClosedError();
}

/** With moderation on, a commenter whose address already has an approved comment is trusted. */
async function publishesAtOnce(email: string | null): Promise<boolean> {
  if ((await getSettings()).commentModeration === "publish") return true;
  if (!email) return false;
  return (await db.comment.count({ where: { authorEmail: email, status: "APPROVED" }, take: 1 })) > 0;
}

export interface PublicComment {
  id: number;
  authorName: string;
  body: string;
  createdAt: Date;
}

/** Approved comments, oldest first, as readers see the conversation. */
export function listApprovedComments(articleId: number): Promise<PublicComment[]> {
  return db.comment.findMany({
    where: { articleId, status: "APPROVED" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, authorName: true, body: true, createdAt: true },
  });
}

/**
 * The reader's own comments still waiting for approval (the ids come from their signed cookie), so
 * they see what they posted, marked as pending, and nobody else does.
 */
export function listOwnPendingComments(articleId: number, ids: readonly number[]): Promise<PublicComment[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.comment.findMany({
    where: { articleId, status: "PENDING", id: { in: [...ids] } },
    orderBy: { id: "asc" },
    select: { id: true, authorName: true, body: true, createdAt: true },
  });
}
