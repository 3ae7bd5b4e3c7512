import type { OpeningHours } from "@recouvra/core";

/** One line of opening hours: a weekday or a run of weekdays, and the times they share. */
export interface OpeningLine {
  days: string;
  hours: string;
}

// 2024-01-01 was a Monday: weekday n (1 = Monday) is 2024-01-0n.
const weekdayName = (weekday: number, locale: string) =>
  new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, weekday)));

/**
 * Opening hours as people read them: consecutive days with the same times folded into one line
 * ("Monday – Friday: 09:00–17:30"), several slots of one day joined, in the reader's language.
 */
export function formatOpeningHours(hours: OpeningHours, locale: string): OpeningLine[] {
  const byDay = new Map<number, string>();
  for (const slot of [...hours].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens))) {
    const range = `${slot.opens}–${slot.closes}`;
    byDay.set(slot.weekday, byDay.has(slot.weekday) ? `${byDay.get(slot.weekday)}, ${range}` : range);
  }
  const lines: OpeningLine[] = [];
  let run: { from: number; to: number; hours: string } | undefined;
  const flush = () => {
    if (!run) return;
    const days = run.from === run.to ? weekdayName(run.from, locale) : `${weekdayName(run.from, locale)} – ${weekdayName(run.to, locale)}`;
    lines.push({ days, hours: run.hours });
  };
  for (const [day, text] of byDay) {
    if (run && run.to === day - 1 && run.hours === text) run.to = day;
    else {
      flush();
      run = { from: day, to: day, hours: text };
    }
  }
  flush();
  return lines;
}
