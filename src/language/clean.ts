/** C0 controls other than tab and line feed (NUL, escape, carriage return…), DEL and the C1 controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Text typed by a person, without control characters: a NUL byte cannot be stored in
 * PostgreSQL text, and escape sequences do not belong in a question or a log.
 */
export function stripControlChars(text: string): string {
  return text.replace(CONTROL, '');
}
