import { detectRegions, detectStages, detectYears } from '../answer/entities.ts';
import type { RegionName, Vocabulary } from '../answer/vocabulary.ts';
import { escapeRegExp, normalize } from '../language/index.ts';

/** A question about the programme's state that the database answers exactly. */
export type StaffQuery =
  | { readonly kind: 'overdue'; readonly filter: StaffFilter }
  | { readonly kind: 'finished'; readonly stageId: string; readonly negated: boolean; readonly filter: StaffFilter }
  | { readonly kind: 'unbound'; readonly filter: StaffFilter }
  | { readonly kind: 'failed-reminders' }
  | { readonly kind: 'region-status'; readonly region: RegionName };

export interface StaffFilter {
  readonly stageId: string | null;
  readonly cohort: number | null;
  readonly province: string | null;
}

/*
 * Indonesian language facts, not phrasings: the words for being late, for finishing, for
 * not having something, for a chat group and a reminder failing, and the ways a question
 * asks for a list or a count of regions.
 */
const LATE = /\b(terlambat|keterlambatan|telat|tertinggal|terlewat|melewati|lewat|melampaui|overdue)\b/;
const DONE = /\b(selesai|menyelesaikan|diselesaikan|rampung|merampungkan|tuntas|menuntaskan|lulus)\b/;
const NOT = /\b(belum|tidak|tak|tanpa)\b/;
const GROUP = /\b(grup|group|telegram)(nya)?\b/;
const HAVE_NOT = /\b(tanpa|belum|tidak|tak)\s+(ada\s+|punya\s+|memiliki\s+|mempunyai\s+|terhubung\s+(ke\s+|dengan\s+)?|terikat\s+(ke\s+|dengan\s+)?|bergabung\s+(ke\s+|dengan\s+)?|mendaftarkan\s+|didaftarkan\s+)?(grup|group|telegram)\b|\b(grup|group)(nya)?\s+(belum|tidak)\b/;
const REMINDER = /\b(pengingat|reminder|notifikasi)\b/;
const FAILED = /\b(gagal|tidak terkirim|belum terkirim|tak terkirim|error|galat)\b/;
const PLACE_NOUN = '(daerah|wilayah|pemda|kabupaten|kota|kab\\/kota|kabupaten\\/kota|peserta)';
const LIST = new RegExp(
  [
    `\\b${PLACE_NOUN}\\s+(mana|apa)\\b`,
    `\\bberapa\\s+(banyak\\s+|jumlah\\s+)?${PLACE_NOUN}\\b`,
    `\\b(jumlah|daftar|list|banyaknya|total)\\s+${PLACE_NOUN}\\b`,
    '\\b(mana|siapa)\\s+saja\\b',
    '\\bada\\s+berapa\\b',
    `\\b(sebutkan|tampilkan|tunjukkan)\\b.*\\b${PLACE_NOUN}\\b`,
  ].join('|'),
);
const COUNT_OR_LIST_ANY = /\b(berapa|jumlah|daftar|mana saja|apa saja|siapa saja|sebutkan|tampilkan)\b/;
const THIS_PERIOD = /\b(minggu ini|pekan ini|hari ini|seminggu|7 hari|tujuh hari|terakhir)\b/;
const STATUS = /\b(status|statusnya|perkembangan|progres|progress|kemajuan|posisi|keadaan|kondisi|sampai mana|sejauh mana|tahap apa)\b/;

/** The province a question names, longest name first ('papua barat' before 'papua'). */
export function detectProvince(question: string, provinces: readonly string[]): string | null {
  const q = normalize(question);
  const sorted = [...provinces].sort((a, b) => b.length - a.length);
  for (const p of sorted) {
    const name = normalize(p);
    if (new RegExp(`(^|[^\\p{L}])${escapeRegExp(name)}($|[^\\p{L}])`, 'u').test(q)) return p;
  }
  return null;
}

/**
 * Reads a staff question about the programme's state, or null when it is not one (then it
 * is answered from the documents as usual). Cross-region questions need a request for a list
 * or a count of regions; a question naming one region about its standing is that region's status.
 */
export function readStaffQuestion(question: string, vocabulary: Vocabulary, provinces: readonly string[]): StaffQuery | null {
  const q = normalize(question).replace(/[?!.,;:]+/g, ' ').replace(/\s+/g, ' ');
  const stageId = detectStages(question, vocabulary.stageByOrdinal)[0] ?? null;
  const province = detectProvince(question, provinces);
  const regions = detectRegions(question, vocabulary.regions).filter((r) => !province || normalize(province) !== r.bare);
  const cohort = detectYears(question)[0] ?? null;
  const filter: StaffFilter = { stageId, cohort, province };
  const asksList = LIST.test(q);

  if (REMINDER.test(q) && FAILED.test(q) && (COUNT_OR_LIST_ANY.test(q) || THIS_PERIOD.test(q))) return { kind: 'failed-reminders' };
  if (regions.length === 1 && (STATUS.test(q) || LATE.test(q) || (DONE.test(q) && !stageId))) {
    return { kind: 'region-status', region: regions[0]! };
  }
  if (regions.length > 0) return null;
  if (GROUP.test(q) && HAVE_NOT.test(q) && asksList) return { kind: 'unbound', filter };
  if (LATE.test(q) && asksList) return { kind: 'overdue', filter };
  if (DONE.test(q) && stageId && asksList) return { kind: 'finished', stageId, negated: NOT.test(q), filter };
  return null;
}
