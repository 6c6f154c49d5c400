/**
 * Month names as Indonesian writing uses them: the twelve Indonesian names in calendar order,
 * and for reading dates, each month's usual abbreviations and English spelling (both appear
 * on Indonesian sites: 'Apr 21, 2022', '12 Agt', 'Pebruari').
 */
export const MONTH_NAMES = ['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember'] as const;

/** Every spelling of each month, by month (index 0 is January). */
export const MONTH_SPELLINGS: ReadonlyArray<readonly string[]> = [
  ['januari', 'jan', 'january'],
  ['februari', 'pebruari', 'feb', 'february'],
  ['maret', 'mar', 'march'],
  ['april', 'apr'],
  ['mei', 'may'],
  ['juni', 'jun', 'june'],
  ['juli', 'jul', 'july'],
  ['agustus', 'agu', 'agt', 'ags', 'aug', 'august'],
  ['september', 'sep', 'sept'],
  ['oktober', 'okt', 'oct', 'october'],
  ['november', 'nov', 'nop'],
  ['desember', 'des', 'dec', 'december'],
];
