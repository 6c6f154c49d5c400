/**
 * A chunk's heading path, as stored in chunks.heading: the headings above it joined with
 * ' > ' ('Panduan > Tahap 2 > Jadwal'). Every reader and writer of the path goes through here.
 */
const SEPARATOR = ' > ';

export function joinHeadings(headings: readonly string[]): string {
  return headings.join(SEPARATOR);
}

/** The headings of a path, outermost first. */
export function headingParts(path: string): string[] {
  return path.split(SEPARATOR);
}

/** The innermost heading of a path (its own section), '' for an empty path. */
export function lastHeading(path: string): string {
  return headingParts(path).at(-1) ?? '';
}
