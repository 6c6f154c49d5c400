import { terms, words } from '../retrieval/text.ts';
import type { Intent } from './types.ts';

const GREETING = /^(halo+|hal+o|hai+|hi+|hello|hey|pagi|siang|sore|malam|selamat (pagi|siang|sore|malam)|assalamu.?alaikum|salam|permisi|tes+|test|ping|p)\b/;
const THANKS = /\b(terima ?kasih|makasih|trims|thanks|thank you|tq)\b/;
// Words that always ask for a deadline, and words that do only when a stage is named
// ('kapan Bimtek II?') and the question is not about something already done ('tanggal
// berapa SK dewan ditetapkan?').
const DEADLINE = /\b(tenggat|deadline|dedlen|batas (waktu|akhir)|jatuh tempo|sampai kapan|paling lambat|terlambat|telat|h\d+|berapa hari lagi|due date)\b/;
const WHEN = /\b(kapan|jadwal|tanggal berapa|tanggalnya|tanggal)\b/;
const PAST = /\b(ditetapkan\w*|ditandatangani\w*|dibentuk\w*|dilaksanakan\w*|sudah|telah|dulu)\b/;
const CHECKLIST = /\b(checklist|ceklis|cek ?list|cheklist|daftar periksa|butir|centang|progres|progress)\b|apa saja yang (harus|perlu|wajib) (disiapkan|dikumpulkan|diunggah|dilengkapi|dikerjakan)|(dokumen|syarat|keluaran|output) apa saja|apa saja (syarat|dokumen|keluaran|output|tugas)/;

const DURATION = /\bberapa (lama|hari|minggu|bulan|tahun)\b|\b(berapa|dalam) \d+ (hari|minggu|bulan)\b/;

export interface Classified {
  readonly intent: Intent;
  readonly thanks: boolean;
}

/** Rule-based intent from the wording; 'rule' is the default, out_of_scope is decided after retrieval. */
export function classify(question: string, hasStage: boolean): Classified {
  // Slang and abbreviations expanded first: 'brp hr' reads as 'berapa hari'.
  const q = words(question).join(' ');
  const content = terms(q.replace(GREETING, ' ').replace(THANKS, ' '));
  if ((GREETING.test(q) || THANKS.test(q)) && content.length <= 1) return { intent: 'greeting', thanks: THANKS.test(q) };
  if (CHECKLIST.test(q) && (hasStage || /\b(checklist|ceklis|cek ?list|cheklist|progres|progress)\b/.test(q))) return { intent: 'checklist', thanks: false };
  // 'paling lambat berapa hari setelah MoU?' asks for a rule (a duration), not a date.
  if ((DEADLINE.test(q) || (hasStage && WHEN.test(q) && !PAST.test(q))) && !DURATION.test(q)) return { intent: 'deadline', thanks: false };
  return { intent: 'rule', thanks: false };
}

/** Words that show a question is about the programme even when the corpus has no answer. */
const DOMAIN = /\b(smart ?city|g100sc|bimtek|bimbingan teknis|masterplan|rencana induk|dewan|tim pelaksana|quick ?win|qw|mou|nota kesepahaman|tenggat|checklist|dimensi|evaluasi|kominfo|komdigi|rpjmd|renstra|perbup|perwali|perda|sekretariat|mentor|tahap|angkatan|pandu|pemda|kabupaten|kota|bupati|wali ?kota|opd|apbd|bappeda|diskominfo|spbe|indeks|f-?0[1-5]|csr|pengingat|reminder|portal|buku [12]|program ini)\b/;

export function isProgrammeQuestion(question: string): boolean {
  return DOMAIN.test(words(question).join(' '));
}
