import { formatDate, zoneAbbr } from '../../messages/index.ts';
import { localDate } from '../../programme/index.ts';

/** 'Kamis, 26 November 2026 pukul 08.00 WIB'. */
export function formatInstant(at: Date, zone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(at)
    .replace(':', '.');
  return `${formatDate(localDate(at, zone))} pukul ${time} ${zoneAbbr(zone)}`;
}

/** Splits text into pieces of at most `limit` characters, at line breaks where possible. */
export function splitText(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf('\n', limit);
    if (cut < limit / 2) cut = rest.lastIndexOf(' ', limit);
    if (cut < limit / 2) cut = limit;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}
