"use client";

import { ErrorNotice } from "./error-notice";
import "./globals.css";

// When even the root layout fails: the same notice, in a document of its own.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="ar" dir="rtl">
      <body>
        <main>
          <ErrorNotice digest={error.digest} retry={reset} />
        </main>
      </body>
    </html>
  );
}
