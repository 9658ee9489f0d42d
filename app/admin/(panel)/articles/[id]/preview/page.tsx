import type { Metadata } from "next";
import Link from "next/link";
import { getArticlePreview } from "@/lib/articles/editing";
import { requireNewsroomUser } from "@/lib/auth/session";
import { ArticleView } from "@/app/(site)/_components/article-view";
import { Forbidden } from "../../../forbidden";
import { articleIdFrom, loadOr403 } from "../load";

export const metadata: Metadata = { title: "معاينة" };

export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const editor = await requireNewsroomUser();
  const id = articleIdFrom((await params).id);
  const article = await loadOr403(() => getArticlePreview(editor, id));
  if (article === "forbidden") return <Forbidden />;
  return (
    <>
      <p className="preview-banner" role="note">
        معاينة: هكذا سيرى القرّاء هذا المقال. <Link href={`/admin/articles/${id}`}>العودة إلى التحرير</Link>
      </p>
      <div className="site-preview article-layout">
        <ArticleView article={article} />
      </div>
    </>
  );
}
