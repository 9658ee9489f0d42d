import type { Metadata } from "next";
import Link from "next/link";
import { canModerateComments } from "@/lib/auth/access";
import { requireNewsroomUser } from "@/lib/auth/session";
import {
  countCommentsByStatus,
  listModerationQueue,
  MODERATION_QUEUES,
  type ModerationAction,
} from "@/lib/comments/moderation";
import { formatArabicDateTime, formatArabicNumber } from "@/lib/format";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { articlePath } from "@/lib/paths";
import { Forbidden } from "../forbidden";
import { ModerationForm } from "./moderation-form";
import { Pager } from "../pager";
import { ReaderLink } from "../../reader-link";

export const metadata: Metadata = { title: "التعليقات" };

const QUEUE_LABEL: Record<CommentStatus, string> = {
  PENDING: "بانتظار المراجعة",
  APPROVED: "منشورة",
  SPAM: "مزعجة",
  REJECTED: "المهملات",
};

const ACTIONS_FOR: Record<CommentStatus, [ModerationAction, string][]> = {
  PENDING: [
    ["approve", "موافقة"],
    ["spam", "مزعج"],
    ["trash", "إلى المهملات"],
  ],
  APPROVED: [
    ["restore", "إلغاء النشر"],
    ["spam", "مزعج"],
    ["trash", "إلى المهملات"],
  ],
  SPAM: [
    ["restore", "ليس مزعجًا"],
    ["trash", "إلى المهملات"],
  ],
  REJECTED: [["restore", "استعادة"]],
};

type Props = { searchParams: Promise<{ status?: string; page?: string }> };

export default async function CommentsPage({ searchParams }: Props) {
  const editor = await requireNewsroomUser();
  if (!canModerateComments(editor)) return <Forbidden />;
  const query = await searchParams;
  const status = MODERATION_QUEUES.find((queue) => queue === query.status) ?? "PENDING";
  const page = Math.max(1, Number(query.page) || 1);
  const [counts, { comments, pageCount }] = await Promise.all([
    countCommentsByStatus(editor),
    listModerationQueue(editor, status, page),
  ]);
  const actions = ACTIONS_FOR[status];

  return (
    <>
      <h1>التعليقات</h1>
      <nav aria-label="قوائم التعليقات" className="tabs">
        <ul>
          {MODERATION_QUEUES.map((queue) => (
            <li key={queue}>
              <Link href={`/admin/comments?status=${queue}`} aria-current={queue === status ? "page" : undefined}>
                {`${QUEUE_LABEL[queue]} (${formatArabicNumber(counts[queue])})`}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {/* The form stays when the queue empties, so the answer to the last moderated comment shows. */}
      <ModerationForm>
        {comments.length === 0 ? (
          <p className="empty">لا توجد تعليقات هنا.</p>
        ) : (
          <>
            <div className="bulk-bar">
              <label>
                مع المحدد:
                <select name="action" defaultValue={actions[0][0]}>
                  {actions.map(([action, label]) => (
                    <option key={action} value={action}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="button button-secondary">
                تطبيق
              </button>
            </div>
            <ol className="moderation-list">
              {comments.map((comment) => (
                <li key={comment.id} className="moderation-item">
                  <input
                    type="checkbox"
                    name="ids"
                    value={comment.id}
                    id={`comment-${comment.id}`}
                    aria-label={`تحديد تعليق ${comment.authorName}`}
                  />
                  <div>
                    <p className="comment-meta">
                      <bdi className="comment-author">{comment.authorName}</bdi>
                      {comment.authorEmail ? (
                        <>
                          {" · "}
                          <bdi dir="ltr">{comment.authorEmail}</bdi>
                        </>
                      ) : null}
                      {" · "}
                      <time dateTime={comment.createdAt.toISOString()}>{formatArabicDateTime(comment.createdAt)}</time>
                      {" · على "}
                      <ReaderLink href={articlePath(comment.article.slug)}>{comment.article.headline}</ReaderLink>
                    </p>
                    <p className="comment-text" dir="auto">
                      {comment.body}
                    </p>
                    <div className="row-actions">
                      {actions.map(([action, label]) => (
                        <button
                          key={action}
                          type="submit"
                          name="one"
                          value={`${action}:${comment.id}`}
                          className="button-link"
                        >
                          {label}
                        </button>
                      ))}
                    </div>
                  </div>
                </li>
              ))}
            </ol>
          </>
        )}
      </ModerationForm>
      <Pager page={page} pageCount={pageCount} href={(target) => `/admin/comments?status=${status}&page=${target}`} />
    </>
  );
}
