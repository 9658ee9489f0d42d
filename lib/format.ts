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

// `2026-12-04T18:30` as a datetime input sends it; `2026-12-04 18:30:05` as WordPress exports write it.
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** How far `timeZone`'s wall clock is ahead of UTC at `date`, in milliseconds. */
function zoneOffsetMs(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wallClock = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return wallClock - Math.floor(date.getTime() / 1000) * 1000;
}

/**
 * A wall-clock time (an `<input type="datetime-local">` value, or an export's local date), read in
 * `timeZone` (the newsroom's by default), as a Date. Null when it is not such a value.
 */
export function dateFromZonedInput(value: string, timeZone: string = SITE_TIME_ZONE): Date | null {
  const match = WALL_CLOCK.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match.map((part) => Number(part ?? 0));
  const naive = Date.UTC(year, month - 1, day, hour, minute, second);
  // The second pass settles times next to a daylight-saving change.
  const firstGuess = naive - zoneOffsetMs(new Date(naive), timeZone);
  const result = new Date(naive - zoneOffsetMs(new Date(firstGuess), timeZone));
  return Number.isNaN(result.getTime()) ? null : result;
}

/** The value an `<input type="datetime-local">` shows for `date` in the newsroom's time zone. */
export function zonedInputFromDate(date: Date, timeZone: string = SITE_TIME_ZONE): string {
  const shifted = new Date(date.getTime() + zoneOffsetMs(date, timeZone));
  return shifted.toISOString().slice(0, 16);
}
