import type { Metadata } from "next";
import Link from "next/link";
import { getArticleForEditing } from "@/lib/articles/editing";
import { listRevisions } from "@/lib/articles/revisions";
import { canPublish } from "@/lib/auth/access";
import { requireNewsroomUser } from "@/lib/auth/session";
import { formatArabicDateTime, zonedInputFromDate } from "@/lib/format";
import { articlePath } from "@/lib/paths";
import { listMedia } from "@/lib/media/library";
import { listSectionOptions } from "@/lib/taxonomy/sections";
import { ActionButton } from "../../action-button";
import { Forbidden } from "../../forbidden";
import { restoreArticleAction, saveArticleAction, setCommentsOpenAction, trashArticleAction } from "../actions";
import { ArticleForm } from "../article-form";
import { articleIdFrom, loadOr403 } from "./load";
import { ReaderLink } from "../../../reader-link";

export const metadata: Metadata = { title: "تحرير مقال" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string; restored?: string }> };

export default async function EditArticlePage({ params, searchParams }: Props) {
  const editor = await requireNewsroomUser();
  const id = articleIdFrom((await params).id);
  const article = await loadOr403(() => getArticleForEditing(editor, id));
  if (article === "forbidden") return <Forbidden />;
  const [sections, { items: media }, revisions] = await Promise.all([
    listSectionOptions(),
    listMedia(editor),
    listRevisions(editor, id),
  ]);
  const notice = await searchParams;
  const isPublic = article.status !== "DRAFT" && !article.deletedAt;

  return (
    <>
      <div className="admin-title-row">
        <h1>تحرير: {article.headline}</h1>
        <div className="actions">
          <Link href={`/admin/articles/${id}/preview`}>معاينة</Link>
          {isPublic ? <ReaderLink href={articlePath(article.slug)}>عرض في الموقع</ReaderLink> : null}
        </div>
      </div>
      {notice.saved || notice.restored ? (
        <p role="status" className="form-message form-message-success">
          {notice.restored ? "استُعيدت النسخة السابقة." : "حُفظ المقال."}
        </p>
      ) : null}
      {article.deletedAt ? (
        <p className="form-message form-message-error">هذا المقال في المهملات ولا يراه القرّاء.</p>
      ) : null}
      <div className="toolbar">
        {canPublish(editor) ? (
          <ActionButton
            action={setCommentsOpenAction.bind(null, id, !article.commentsOpen)}
            label={article.commentsOpen ? "إغلاق التعليقات" : "فتح التعليقات"}
          />
        ) : null}
        {article.deletedAt ? (
          canPublish(editor) ? (
            <ActionButton action={restoreArticleAction.bind(null, id)} label="استعادة من المهملات" />
          ) : null
        ) : (
          <ActionButton action={trashArticleAction.bind(null, id)} label="نقل إلى المهملات" variant="danger" />
        )}
      </div>
      <ArticleForm
        key={article.updatedAt.toISOString()}
        action={saveArticleAction.bind(null, id)}
        sections={sections}
        media={media}
        canPublish={canPublish(editor)}
        initial={{
          headline: article.headline,
          slug: article.slug,
          dek: article.dek ?? "",
          body: article.bodyMarkdown,
          sectionId: article.sectionId?.toString() ?? "",
          tags: article.tagNames.join("، "),
          bylineLabel: article.bylineLabel ?? "",
          sourceUrl: article.sourceUrl ?? "",
          leadImageUrl: article.leadImageUrl ?? "",
          leadImageAlt: article.leadImageAlt ?? "",
          leadImageCaption: article.leadImageCaption ?? "",
          leadImageCredit: article.leadImageCredit ?? "",
          leadImageCaptionLang: article.leadImageCaptionLang ?? "ar",
          status: article.status,
          publishAt: article.publishedAt ? zonedInputFromDate(article.publishedAt) : "",
          commentsOpen: article.commentsOpen ? "on" : "",
          commentsCloseAfterDays: article.commentsCloseAfterDays?.toString() ?? "",
        }}
      />
      <section aria-labelledby="revisions-heading" className="revisions">
        <h2 id="revisions-heading">المراجعات</h2>
        {revisions.length ? (
          <ol>
            {revisions.map((revision) => (
              <li key={revision.id}>
                <Link href={`/admin/articles/${id}/revisions/${revision.id}`}>
                  <time dateTime={revision.createdAt.toISOString()}>{formatArabicDateTime(revision.createdAt)}</time>
                </Link>
                {" · "}
                <bdi>{revision.editorName ?? "الاستيراد"}</bdi>
                {" · "}
                {revision.headline}
                {revision.isCurrent ? " (النسخة الحالية)" : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="empty">لم يُحفظ هذا المقال من غرفة الأخبار بعد.</p>
        )}
      </section>
    </>
  );
}
