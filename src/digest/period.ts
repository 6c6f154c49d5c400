import { localDate } from '../programme/index.ts';

/**
 * The ISO 8601 week of an instant in a zone, e.g. '2026-W48': the period key of the
 * weekly digest (Monday starts the week; week 1 holds the year's first Thursday).
 */
export function isoWeek(instant: Date, zone: string): string {
  const [y, m, d] = localDate(instant, zone).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const year = day.getUTCFullYear();
  const week = Math.ceil(((day.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}
