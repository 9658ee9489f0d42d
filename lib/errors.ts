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

export class ReplyParentUnavailableError extends DomainError {
  readonly code = "reply_parent_unavailable";
  readonly publicMessage = "التعليق الذي تردّ عليه لم يعد متاحًا للرد، ولم يُحفظ ردّك.";
}

export class InvalidInputError extends DomainError {
  readonly code = "invalid_input";
  readonly publicMessage = "بعض الحقول غير صالحة، صحّحها ثم أعد المحاولة.";
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super(`invalid input: ${Object.keys(fieldErrors).join(", ")}`);
  }
}

export class NotSignedInError extends DomainError {
  readonly code = "not_signed_in";
  readonly publicMessage = "انتهت جلستك أو لم تسجّل الدخول. سجّل الدخول ثم أعد المحاولة.";
}

export class ForbiddenError extends DomainError {
  readonly code = "forbidden";
  readonly publicMessage = "لا تملك صلاحية القيام بهذا.";
}

export class TooManySignInAttemptsError extends DomainError {
  readonly code = "too_many_sign_in_attempts";
  readonly publicMessage: string;
  constructor(readonly retryAfterSeconds: number) {
    super(`sign-in blocked for ${retryAfterSeconds}s`);
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    this.publicMessage = `محاولات دخول كثيرة فاشلة. أعد المحاولة بعد ${new Intl.NumberFormat("ar-u-nu-arab").format(minutes)} دقيقة.`;
  }
}

export class EmailTakenError extends DomainError {
  readonly code = "email_taken";
  readonly publicMessage = "يوجد حساب بهذا البريد الإلكتروني.";
}

export class MediaInUseError extends DomainError {
  readonly code = "media_in_use";
  readonly publicMessage: string;
  constructor(readonly headlines: string[]) {
    super(`media used by ${headlines.length} article(s)`);
    this.publicMessage = `لا يمكن حذف الصورة: تستخدمها مقالات (${headlines.slice(0, 3).join("، ")}). أزلها منها أولًا.`;
  }
}

export class CommentRateLimitedError extends DomainError {
  readonly code = "comment_rate_limited";
  readonly publicMessage = "أرسلت تعليقات كثيرة في وقت قصير. انتظر قليلًا ثم أعد المحاولة؛ لم يُفقد نصّك.";
}

export class CommentTooFastError extends DomainError {
  readonly code = "comment_too_fast";
  readonly publicMessage = "أُرسل النموذج أسرع مما يكتب إنسان. انتظر ثوانيَ ثم أعد الإرسال؛ لم يُفقد نصّك.";
}
