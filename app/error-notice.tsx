"use client";

/**
 * What a reader or an editor sees when a page fails: an apology, the error's digest to quote, and a
 * retry. The error itself, with its stack and the request id, is logged on the server
 * (instrumentation.ts); nothing of it but the digest reaches the browser.
 */
export function ErrorNotice({ digest, retry }: { digest?: string; retry: () => void }) {
  return (
    <div className="not-found container" role="alert">
      <h1>حدث خطأ غير متوقع</h1>
      <p>نعتذر، تعذّر عرض هذه الصفحة الآن. حاول مرة أخرى بعد قليل.</p>
      {digest ? (
        <p className="meta">
          رمز الخطأ: <bdi>{digest}</bdi>
        </p>
      ) : null}
      <button type="button" className="button" onClick={retry}>
        إعادة المحاولة
      </button>
    </div>
  );
}
