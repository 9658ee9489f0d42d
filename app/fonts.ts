import localFont from "next/font/local";

// Self-hosted from @fontsource (no download at build time), cut down by the build to the code
// points the pages use (scripts/shared/font-subset.ts, `npm run fonts`): both weights are preloaded on every
// page, so every byte counts. Latin text (an English caption) uses the system font. next/font
// takes only literals here: test/unit/font-subset.test.ts checks the unicode-range against the subset.
export const naskh = localFont({
  src: [
    { path: "../generated/fonts/noto-naskh-arabic-subset-400.woff2", weight: "400" },
    { path: "../generated/fonts/noto-naskh-arabic-subset-700.woff2", weight: "700" },
  ],
  display: "swap",
  variable: "--font-naskh",
  fallback: ["Noto Naskh Arabic", "Amiri", "Tahoma", "Arial", "sans-serif"],
  declarations: [
    {
      prop: "unicode-range",
      value:
        "U+060C, U+061B-061C, U+061F, U+0621-063A, U+0640-065F, U+0660-066D, U+0670-0671, U+200C-200E, U+2010, U+204F, U+2E41",
    },
  ],
});
