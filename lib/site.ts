/** The portal's identity, shared by pages, metadata and (later) feeds. */
export const site = {
  name: process.env.SITE_NAME ?? "المرصد",
  description: process.env.SITE_DESCRIPTION ?? "أخبار العالم العربي والعالم، بالعربية أولًا.",
  url: new URL(process.env.SITE_URL ?? "http://localhost:3000"),
  locale: "ar",
} as const;
