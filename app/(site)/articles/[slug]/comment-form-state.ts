import type { CommentField } from "@/lib/comments/schema";
import type { CommentView } from "./comment-item";

export type CommentValues = Partial<Record<Exclude<CommentField, "articleId">, string>>;

/** What the comment action answers; the form renders it with or without JavaScript. */
export type CommentFormState =
  | { status: "idle" }
  /** `held`: the comment waits for moderation; the form shows it to its writer. */
  | { status: "posted"; message: string; held?: CommentView }
  | { status: "closed"; message: string }
  | {
      status: "invalid" | "failed";
      message: string;
      fieldErrors: Partial<Record<CommentField, string[]>>;
      values: CommentValues;
    };

export const initialCommentFormState: CommentFormState = { status: "idle" };

/** Hidden from people (and from assistive technology); bots that fill every field fill it. */
export const HONEYPOT_FIELD = "website";
/** The signed time the form was served, for the minimum fill time. */
export const FORM_TOKEN_FIELD = "formToken";
