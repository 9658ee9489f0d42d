"use client";

// Readers get a friendly page; the error itself is logged on the server with its digest.
export default function SiteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="not-found container" role="alert">
      <h1>حدث خطأ غير متوقع</h1>
      <p>نعتذر، تعذّر عرض هذه الصفحة الآن. حاول مرة أخرى بعد قليل.</p>
      {error.digest ? <p className="meta">رمز الخطأ: <bdi>{error.digest}</bdi></p> : null}
      <button type="button" className="button" onClick={reset}>
        إعادة المحاولة
      </button>
    </div>
  );
}
