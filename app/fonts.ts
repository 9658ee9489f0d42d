import localFont from "next/font/local";

// Self-hosted from @fontsource (no download at build time). Only the Arabic subset is loaded and
// preloaded; Latin text (an English caption) uses the system font, so it costs nothing extra.
export const naskh = localFont({
  src: [
    { path: "../node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2", weight: "400" },
    { path: "../node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2", weight: "700" },
  ],
  display: "swap",
  variable: "--font-naskh",
  fallback: ["Noto Naskh Arabic", "Amiri", "Tahoma", "Arial", "sans-serif"],
  declarations: [
    {
      prop: "unicode-range",
      value: "U+0600-06FF, U+0750-077F, U+0870-088E, U+0890-0891, U+0897-08E1, U+08E3-08FF, U+200C-200E, U+2010-2011, U+204F, U+2E41, U+FB50-FDFF, U+FE70-FE74, U+FE76-FEFC",
    },
  ],
});
