import Link from "next/link";
import type { ReactNode } from "react";

/**
 * A link from the newsroom to a reader page, never prefetched: a prefetch renders the cached reader
 * page in the background, and one still running when the editor saves a change would hand its
 * pre-change copy to the readers who ask meanwhile (see lib/cache/expiry.ts).
 */
export function ReaderLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} prefetch={false}>
      {children}
    </Link>
  );
}
