import { formatArabicDate } from "@/lib/format";

export function PublishedDate({ date, label }: { date: Date; label?: string }) {
  return (
    <time dateTime={date.toISOString()}>
      {label ? `${label} ` : null}
      {formatArabicDate(date)}
    </time>
  );
}
