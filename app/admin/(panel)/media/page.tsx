import type { Metadata } from "next";
import { canDeleteMedia } from "@/lib/auth/access";
import { requireNewsroomUser } from "@/lib/auth/session";
import { formatArabicNumber } from "@/lib/format";
import { listMedia } from "@/lib/media/library";
import { responsiveImage } from "@/lib/media/urls";
import { ActionButton } from "../action-button";
import { deleteMediaAction } from "./actions";
import { UploadForm } from "./upload-form";
import { Pager } from "../pager";

export const metadata: Metadata = { title: "الوسائط" };

export default async function MediaPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const editor = await requireNewsroomUser();
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const { items, pageCount } = await listMedia(editor, page);
  return (
    <>
      <h1>الوسائط</h1>
      <UploadForm />
      <h2>مكتبة الصور</h2>
      <p className="hint">لاستخدام صورة في مقال، انسخ رابطها إلى حقل «رابط الصورة» أو اخترها من القائمة فيه.</p>
      {items.length === 0 ? <p className="empty">لم تُرفع صور بعد.</p> : null}
      <ul className="media-grid">
        {items.map((item) => {
          const responsive = responsiveImage(item.url);
          return (
            <li key={item.id} className="media-item">
              {/* eslint-disable-next-line @next/next/no-img-element -- our own srcset of the stored WebP widths (lib/media/urls.ts), no image optimizer */}
              <img
                src={item.url}
                srcSet={responsive?.srcSet}
                sizes="12rem"
                width={item.width}
                height={item.height}
                alt={item.alt}
                loading="lazy"
              />
              <p className="meta">{`${formatArabicNumber(item.width)}×${formatArabicNumber(item.height)}`}</p>
              <p>
                <bdi className="syntax" dir="ltr">
                  {item.url}
                </bdi>
              </p>
              {canDeleteMedia(editor) ? (
                <ActionButton action={deleteMediaAction.bind(null, item.id)} label="حذف" variant="danger" />
              ) : null}
            </li>
          );
        })}
      </ul>
      <Pager page={page} pageCount={pageCount} href={(target) => `/admin/media?page=${target}`} />
    </>
  );
}
