/**
 * Domain errors: what went wrong in the newsroom's terms. Callers show `publicMessage` (Arabic,
 * safe for readers) and log the rest; a reader never sees a stack trace.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly publicMessage: string;
}

export class ArticleNotFoundError extends DomainError {
  readonly code = "article_not_found";
  readonly publicMessage = "لم نعثر على هذا المقال.";
}

export class CommentsClosedError extends DomainError {
  readonly code = "comments_closed";
  readonly publicMessage = "أُغلق باب التعليق على هذا المقال، ولم يُحفظ تعليقك.";
}

export class InvalidInputError extends DomainError {
  readonly code = "invalid_input";
  readonly publicMessage = "بعض الحقول غير صالحة، صحّحها ثم أعد المحاولة.";
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super(`invalid input: ${Object.keys(fieldErrors).join(", ")}`);
  }
}
