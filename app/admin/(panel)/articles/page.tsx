import type { Metadata } from "next";
import Link from "next/link";
import { canSeeAllArticles } from "@/lib/auth/access";
import { requireNewsroomUser } from "@/lib/auth/session";
import { listAuthors } from "@/lib/articles/editing";
import { listNewsroomArticles, newsroomFilterSchema } from "@/lib/articles/newsroom-list";
import { formatArabicDateTime, formatArabicNumber } from "@/lib/format";
import { listSectionOptions } from "@/lib/taxonomy/sections";
import { Pager } from "../pager";

export const metadata: Metadata = { title: "المقالات" };

const STATUS_LABEL = { DRAFT: "مسودة", SCHEDULED: "مجدول", PUBLISHED: "منشور" } as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ArticlesPage({ searchParams }: Props) {
  const editor = await requireNewsroomUser();
  const filter = newsroomFilterSchema.parse(await searchParams);
  const [{ articles, total, pageCount }, sections, authors] = await Promise.all([
    listNewsroomArticles(editor, filter),
    listSectionOptions(),
    canSeeAllArticles(editor) ? listAuthors() : Promise.resolve([]),
  ]);
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filter, page })) if (value) params.set(key, String(value));
    return `/admin/articles?${params}`;
  };

  return (
    <>
      <div className="admin-title-row">
        <h1>المقالات</h1>
        <Link className="button" href="/admin/articles/new">
          مقال جديد
        </Link>
      </div>
      <form className="filters" method="get" role="search" aria-label="تصفية المقالات">
        <label>
          بحث في العناوين
          <input type="search" name="q" defaultValue={filter.q ?? ""} />
        </label>
        <label>
          الحالة
          <select name="status" defaultValue={filter.status ?? ""}>
            <option value="">الكل</option>
            <option value="DRAFT">مسودات</option>
            <option value="SCHEDULED">مجدولة</option>
            <option value="PUBLISHED">منشورة</option>
            <option value="TRASH">المهملات</option>
          </select>
        </label>
        <label>
          القسم
          <select name="section" defaultValue={filter.section ?? ""}>
            <option value="">كل الأقسام</option>
            {sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.name}
              </option>
            ))}
          </select>
        </label>
        {authors.length ? (
          <label>
            الكاتب
            <select name="author" defaultValue={filter.author ?? ""}>
              <option value="">الجميع</option>
              {authors.map((author) => (
                <option key={author.id} value={author.id}>
                  {author.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="submit" className="button button-secondary">
          تصفية
        </button>
      </form>

      <p className="meta">{`${formatArabicNumber(total)} مقالًا`}</p>
      {articles.length ? (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">العنوان</th>
              <th scope="col">الحالة</th>
              <th scope="col">القسم</th>
              <th scope="col">الكاتب</th>
              <th scope="col">التعليقات</th>
              <th scope="col">آخر تعديل</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((article) => (
              <tr key={article.id}>
                <td>
                  <Link href={`/admin/articles/${article.id}`}>{article.headline}</Link>
                </td>
                <td>{article.deletedAt ? "في المهملات" : STATUS_LABEL[article.status]}</td>
                <td>{article.section?.name ?? "—"}</td>
                <td>{article.author?.name ?? "—"}</td>
                <td>{article.commentsOpen ? "مفتوحة" : "مغلقة"}</td>
                <td>
                  <time dateTime={article.updatedAt.toISOString()}>{formatArabicDateTime(article.updatedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty">لا توجد مقالات تطابق هذا البحث.</p>
      )}
      <Pager page={filter.page} pageCount={pageCount} href={pageLink} />
    </>
  );
}
