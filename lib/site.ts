/** The portal's identity, shared by pages, metadata, feeds and structured data. */
export const site = {
  name: process.env.SITE_NAME ?? "المرصد",
  description: process.env.SITE_DESCRIPTION ?? "أخبار العالم العربي والعالم، بالعربية أولًا.",
  url: new URL(process.env.SITE_URL ?? "http://localhost:3000"),
  locale: "ar",
  /** The publisher's logo in structured data: the app icon (app/icon.svg), served at this path. */
  logoPath: "/icon.svg",
} as const;

/** An absolute URL on the site (paths from lib/paths.ts are already percent-encoded). */
export function absoluteUrl(pathOrUrl: string, base: URL = site.url): string {
  return new URL(pathOrUrl, base).href;
}
