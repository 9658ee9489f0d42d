import type { Metadata } from "next";
import Link from "next/link";
import { ArticleView } from "@/app/(site)/_components/article-view";
import { getRevisionPreview } from "@/lib/articles/revisions";
import { requireNewsroomUser } from "@/lib/auth/session";
import { formatArabicDateTime } from "@/lib/format";
import { ActionButton } from "../../../../action-button";
import { Forbidden } from "../../../../forbidden";
import { restoreRevisionAction } from "../../../actions";
import { articleIdFrom, loadOr403 } from "../../load";

export const metadata: Metadata = { title: "مراجعة" };

type Props = { params: Promise<{ id: string; revisionId: string }> };

export default async function RevisionPage({ params }: Props) {
  const editor = await requireNewsroomUser();
  const { id: idParam, revisionId: revisionParam } = await params;
  const id = articleIdFrom(idParam);
  const revisionId = articleIdFrom(revisionParam);
  const revision = await loadOr403(() => getRevisionPreview(editor, id, revisionId));
  if (revision === "forbidden") return <Forbidden />;
  const { article } = revision;
  return (
    <>
      <p className="preview-banner" role="note">
        {`نسخة ${formatArabicDateTime(revision.createdAt)}، حفظها ${revision.editorName ?? "الاستيراد"}`}
        {revision.isCurrent ? " (النسخة الحالية)" : null}.{" "}
        <Link href={`/admin/articles/${id}`}>العودة إلى التحرير</Link>
      </p>
      {revision.isCurrent ? null : (
        <div className="toolbar">
          <ActionButton action={restoreRevisionAction.bind(null, id, revisionId)} label="استعادة هذه النسخة" />
        </div>
      )}
      <div className="site-preview article-layout">
        <ArticleView article={article} />
      </div>
    </>
  );
}
