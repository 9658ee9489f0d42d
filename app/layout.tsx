import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { feedAlternateTypes } from "@/lib/distribution/feed-links";
import { site } from "@/lib/site";
import { naskh } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: site.url,
  title: { default: site.name, template: `%s | ${site.name}` },
  description: site.description,
  openGraph: { siteName: site.name, locale: "ar_AR", type: "website" },
  // The site feed on every page. A page that sets its own `alternates` replaces this whole object
  // and lists the feed again with the same `feedAlternateTypes`.
  alternates: { types: feedAlternateTypes() },
};

export const viewport: Viewport = {
  themeColor: "#8b1e1e",
  width: "device-width",
  initialScale: 1,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ar" dir="rtl" className={naskh.variable}>
      <body>{children}</body>
    </html>
  );
}
