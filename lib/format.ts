/**
 * Arabic numbers and dates as the source site shows them: Arabic-Indic digits (٠١٢…). CLDR's plain
 * `ar` locale now formats with Latin digits, so the numbering system is named explicitly.
 */
const LOCALE = "ar-u-nu-arab";

/** The newsroom's clock: dates are shown as readers in the region read them. */
export const SITE_TIME_ZONE = process.env.SITE_TIME_ZONE ?? "Asia/Riyadh";

const numberFormat = new Intl.NumberFormat(LOCALE, { useGrouping: true });
const dateFormat = new Intl.DateTimeFormat(LOCALE, {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: SITE_TIME_ZONE,
});
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: SITE_TIME_ZONE,
});

export function formatArabicNumber(value: number): string {
  return numberFormat.format(value);
}

export function formatArabicDate(date: Date): string {
  return dateFormat.format(date);
}

export function formatArabicDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}

/** `text` cut to at most `maxLength` characters at a word boundary, with an ellipsis when cut. */
export function truncateAtWord(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
