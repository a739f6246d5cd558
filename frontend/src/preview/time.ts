// Timestamps as Discord shows them: in the reader's time zone and locale,
// with English relative phrases ("3 minutes ago") to match the UI.

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

/** "3 minutes ago", "in 2 hours", "a few seconds ago". */
export function relativeTime(ms: number, now: number): string {
  const seconds = Math.round((ms - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return seconds <= 0 ? "a few seconds ago" : "in a few seconds";
  const rtf = new Intl.RelativeTimeFormat("en", { numeric: "always" });
  for (const [unit, size] of UNITS) {
    if (abs >= size * 0.95 || unit === "second") {
      return rtf.format(Math.round(seconds / size), unit);
    }
  }
  return rtf.format(seconds, "second");
}

const STYLES: Record<string, Intl.DateTimeFormatOptions> = {
  t: { timeStyle: "short" },
  T: { timeStyle: "medium" },
  d: { dateStyle: "short" },
  D: { dateStyle: "long" },
  f: { dateStyle: "long", timeStyle: "short" },
  F: { dateStyle: "full", timeStyle: "short" },
};

/** A `<t:unix:style>` tag's text. Unknown styles fall back to `f`, as Discord does. */
export function formatTimestampTag(unixSeconds: number, style: string, now: number, locale?: string): string {
  const ms = unixSeconds * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return "Invalid Date";
  if (style === "R") return relativeTime(ms, now);
  return new Intl.DateTimeFormat(locale, STYLES[style] ?? STYLES.f).format(ms);
}

const sameDay = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/** An embed footer timestamp: "Today at 4:03 PM", "Yesterday at …", or a short date and time. */
export function formatCalendar(ms: number, now: number, locale?: string): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return "";
  const time = new Intl.DateTimeFormat(locale, { timeStyle: "short" }).format(date);
  const today = new Date(now);
  const yesterday = new Date(now);
  yesterday.setDate(today.getDate() - 1);
  if (sameDay(date, today)) return `Today at ${time}`;
  if (sameDay(date, yesterday)) return `Yesterday at ${time}`;
  return `${new Intl.DateTimeFormat(locale, { dateStyle: "short" }).format(date)} ${time}`;
}
