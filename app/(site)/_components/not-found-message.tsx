import Link from "next/link";

export function NotFoundMessage() {
  return (
    <div className="not-found container">
      <h1>الصفحة غير موجودة</h1>
      <p>ربما نُقلت هذه الصفحة أو لم تُنشر بعد. تأكد من الرابط، أو عد إلى الصفحة الرئيسية لقراءة آخر الأخبار.</p>
      <p>
        <Link href="/">العودة إلى الرئيسية</Link>
      </p>
    </div>
  );
}
