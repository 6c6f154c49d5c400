/** Calendar dates ('YYYY-MM-DD') and instants in a region's own IANA zone. */

const fmtCache = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = fmtCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    fmtCache.set(zone, f);
  }
  return f;
}

function parts(instant: Date, zone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(instant)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** The local calendar date of an instant in a zone. */
export function localDate(instant: Date, zone: string): string {
  const p = parts(instant, zone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Offset of a zone from UTC at an instant, in minutes (WIB +420). */
function offsetMinutes(instant: Date, zone: string): number {
  const p = parts(instant, zone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant of a local wall-clock time on a date in a zone (Indonesia has no DST). */
export function zonedInstant(date: string, zone: string, hour = 0, minute = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = new Date(Date.UTC(y, m - 1, d, hour, minute));
  const offset = offsetMinutes(guess, zone);
  return new Date(guess.getTime() - offset * 60_000);
}

/** Whole days from date a to date b (b - a). */
export function daysBetween(a: string, b: string): number {
  const toDays = (s: string) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d) / 86_400_000;
  };
  return Math.round(toDays(b) - toDays(a));
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function isValidDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  return addDays(s, 0) === s;
}

/** Indonesia's three zones as officers write them. */
export const ZONES = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' } as const;
export type ZoneAbbr = keyof typeof ZONES;

/** The local date and wall-clock time ('21.59') of an instant in a zone. */
export function localClock(instant: Date, zone: string): { date: string; time: string } {
  const p = parts(instant, zone);
  return { date: localDate(instant, zone), time: `${String(p.hour).padStart(2, '0')}.${String(p.minute).padStart(2, '0')}` };
}

/**
 * A wall-clock time on a date in one zone, read in another: 23.59 WIT on 1 Dec is
 * 21.59 WIB on 1 Dec; 23.59 WIB is 01.59 WIT on the next day.
 */
export function convertClock(date: string, time: { hour: number; minute: number }, from: string, to: string): { date: string; time: string } {
  return localClock(zonedInstant(date, from, time.hour, time.minute), to);
}
