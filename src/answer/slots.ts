import { normalize, words } from '../retrieval/text.ts';

/**
 * What kind of value a question asks for, read from its wording, and how to recognise
 * that value in a passage. Two uses: the composer prefers passages that hold it, and an
 * answer to a question that asks for a specific kind of value (a web address, a phone
 * number, an amount of money, a person's name) that does not contain one is no answer.
 */

const MONTHS = 'januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember';
const DATE = new RegExp(`\\b\\d{1,2}(?:[–-]\\d{1,2})? (?:${MONTHS})\\b|\\b(?:19|20)\\d\\d\\b|\\b\\d{1,2}[.:]\\d{2}\\b`, 'i');
const NUMBER = /\d|\b(satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|puluh|ratus|seratus|separuh|setengah)\b/i;
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:go\.id|id|com|org|net)(?:\/\S*)?\b/i;
const PHONE = /(?:\+62|\b0)\d[\d\s.-]{6,}\d/;
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/;
const EMAIL_ALL = new RegExp(EMAIL.source, 'g');
const MONEY = /\brp\.?\s?\d|\b\d+(?:[.,]\d+)?\s*(?:juta|miliar|milyar|ribu|triliun|rupiah)\b/i;
const PERCENT = /\d\s*(?:%|persen\b)/i;
// Two or three capitalised words that are not an office, a place or a document: a person's name.
const INSTITUTIONAL = new Set(
  `kota kabupaten provinsi dinas badan kepala wakil wali bupati gubernur sekretaris sekretariat daerah tim dewan smart city
   portal buku bimbingan teknis bimtek kementerian direktorat jenderal bagian bidang kantor staf presiden gerakan menuju
   nota kesepahaman rencana program pemerintah peraturan surat keputusan lembar laporan komitmen profil daftar dokumen
   masterplan analisis strategis pelaksana ketua anggota koordinator mentor panel penilai sub unit layanan pusat indonesia
   barat tengah timur waktu januari februari maret april mei juni juli agustus september oktober november desember
   senin selasa rabu kamis jumat sabtu minggu governance branding economy living society environment quick win`.split(/\s+/),
);

function hasPersonName(text: string): boolean {
  for (const m of text.matchAll(/\b(\p{Lu}\p{Ll}{2,})(?: (\p{Lu}\p{Ll}{2,})){1,2}\b/gu)) {
    const parts = m[0].split(' ');
    if (parts.every((p) => !INSTITUTIONAL.has(p.toLowerCase()))) return true;
  }
  return /\b(bapak|ibu|sdr|sdri)\.? \p{Lu}\p{Ll}+/iu.test(text) || /\b\p{Lu}\p{Ll}+, (?:S|M|Dr)\.\s?\p{Lu}/u.test(text);
}

const ROLE = /\b(mentor|kadis|kepala|panel|penilai|juri|pejabat|ketua|anggota|narahubung|sekretaris|direktur|menteri|bupati|wali ?kota|camat|lurah)\b/g;

/** A person's name in the same sentence as the role the question asks about ('nama mentor …'). */
function namedWithRole(text: string, question: string): boolean {
  const roles = [...new Set(question.match(ROLE) ?? [])];
  return text.split(/(?<=[.!?])\s+|\n+/).some((s) => hasPersonName(s) && (roles.length === 0 || roles.some((r) => normalize(s).includes(r))));
}

export interface Slot {
  readonly kind: 'url' | 'phone' | 'email' | 'money' | 'percent' | 'name' | 'date' | 'number';
  /** When the question insists on this kind of value, an answer without one is refused. */
  readonly strict: boolean;
  /** How much a passage holding such a value is preferred (precise kinds more). */
  readonly bonus: number;
  test(text: string): boolean;
}

const regexSlot = (kind: Slot['kind'], re: RegExp, strict: boolean, bonus = 0.5): Slot => ({ kind, strict, bonus, test: (t) => re.test(t) });

/** The kind of value the question asks for, if its wording says (slang already expanded). */
export function expectedSlot(question: string): Slot | null {
  const q = words(question).join(' ');
  const raw = normalize(question);
  if (/\b(link|tautan|url|website|situs|laman web|alamat (web|situs|website|laman)|webnya)\b/.test(q))
    return { kind: 'url', strict: true, bonus: 0.5, test: (t) => URL.test(t.replace(EMAIL_ALL, ' ')) };
  if (/\b(nomor|no|nomer|kontak) (wa|whatsapp|telepon|telpon|telp|hp|handphone|ponsel)\b|\b(wa|whatsapp|telepon|telp|hp)nya\b/.test(q))
    return regexSlot('phone', PHONE, true);
  if (/\b(email|e-mail|surel|surat elektronik)\b/.test(raw)) return regexSlot('email', EMAIL, true);
  const asksAmount = /\bberapa\b|\bnominal(nya)?\b/.test(q);
  if (asksAmount && /\b(honor(nya|arium)?|nominal(nya)?|biaya(nya)?|dana(nya)?|hibah(nya)?|harga(nya)?|tarif(nya)?|gaji|uang|hadiah|nilai kontrak|total anggaran|anggaran(nya)? (total|keseluruhan)|juta|miliar|rupiah|rp)\b/.test(q))
    return regexSlot('money', MONEY, true);
  if (asksAmount && /\b(persen|persentase|%)/.test(raw)) return regexSlot('percent', PERCENT, true);
  // 'nama anggota perlu dicantumkan tidak?' asks whether, not who.
  const whether = !/\bsiapa\b/.test(q) && /\b(apakah|perlu|harus|wajib|boleh|bisa|dapat)\b/.test(q);
  if (!whether && /\bsiapa\b.*\bnama(nya)?\b|\bnama(nya)? siapa\b|\bnama (pejabat|kepala|kadis|mentor|panel|penilai|juri|anggota)\b/.test(q))
    return { kind: 'name', strict: true, bonus: 0.3, test: (t) => namedWithRole(t, q) };
  if (/\b(kapan|tanggal berapa|jam berapa|sejak kapan|tahun berapa|hari apa)\b/.test(q)) return regexSlot('date', DATE, false, 0.3);
  const unit = /\bberapa (orang|hari|minggu|bulan|tahun|halaman|slide|salindia|menit|jam|kali|butir|dimensi|program|anggota)\b/.exec(q)?.[1];
  if (unit) {
    const name = unit === 'slide' ? '(?:slide|salindia)' : unit;
    return regexSlot('number', new RegExp(`\\d+(?:\\s?[–-]\\s?\\d+| sampai \\d+)? ${name}\\b|\\b(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|\\w+ puluh) ${name}\\b`, 'i'), false);
  }
  if (/\bberapa\b/.test(q)) return regexSlot('number', NUMBER, false, 0.15);
  return null;
}
