/**
 * Lines that belong to how a news or government page is laid out, not to what it says:
 * credits, cross-links to other articles, share and follow prompts, advertising labels.
 * The patterns state how Indonesian sites write these lines; none names a site.
 */
import { DATE_SOURCE, findDate, isSiteName, onlyDate, TIME_SOURCE } from './dates.ts';

/** What the loaders remove, counted per kind in the ingest summary. */
export type RemovedKind = 'byline' | 'credit' | 'crosslink' | 'share' | 'ad' | 'header_footer' | 'outside_article';
export type RemovedCounts = Partial<Record<RemovedKind, number>>;

/** Where a line sits: list items and table cells are content more often than furniture. */
export type LineKind = 'para' | 'list' | 'heading';

// Credits: who wrote, edited or reported the article ('Penulis: …', 'Laporan Wartawan …').
const BYLINE_LABEL =
  /^(?:penulis|editor|penyunting|redaktur(?: pelaksana)?|reporter|pewarta|wartawan|jurnalis|kontributor|koresponden|author|writer|ditulis oleh|diunggah oleh|dipublikasikan oleh|diterbitkan oleh|oleh)\s*[:|]/iu;
// 'Diposting oleh Admin pada 3 Juni 2024': who put the page up, and when.
const POSTED_BY = /^(?:diposting|ditulis|diunggah|dipublikasikan|diterbitkan|dibuat|posted|written|published)\s+(?:oleh|by)\s/iu;
const BYLINE_REPORT = /^laporan\s+(?:wartawan|reporter|kontributor|koresponden|jurnalis)\b/iu;
const BYLINE_OLEH = /^[Oo]leh\s+\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,4}$/u;
// Editor's initials closing an article: '(ant/rdn)', '(rls)', '(*)', '(wh/k-3)'.
const INITIALS = /^\(\s*(?:\*|[a-z]{2,5}|[A-Za-z]{2,5}(?:\s*\/\s*[A-Za-z][A-Za-z0-9-]{0,5})+)\s*\)$/u;
// …and the same initials written at the end of the last paragraph: '… Intan Barokah. (wh/k-3)'.
const TRAILING_INITIALS = /(?<=[.!?"”])\s*\(\s*[a-z]{1,5}(?:\s*\/\s*[a-z][a-z0-9-]{0,5})+\s*\)$/u;

/** A paragraph without the editor's initials closing it, or null when it has none. */
export function withoutTrailingInitials(text: string): string | null {
  const m = TRAILING_INITIALS.exec(text);
  return m ? text.slice(0, m.index).trimEnd() : null;
}
// Publication stamps: 'Diperbarui 12 Mei 2022, 10:00 WIB', 'Dipublikasikan: Kamis, 12/5/2022'.
const STAMP = /^(?:diperbarui|diterbitkan|dipublikasikan|diunggah|dirilis|terbit|published|updated|posted)(?:\s+(?:pada|on))?\s*:?\s*/iu;

// Photo and picture credits: 'Foto: Humas Pemkab', '(Foto: ANTARA/Nama)', 'Ilustrasi: …'.
const CREDIT = /^\(?\s*(?:foto(?: ilustrasi)?|ilustrasi|sumber foto|sumber gambar|kredit foto|keterangan foto|grafis|infografis|photo)\s*[:|/]/iu;

// A photo's caption, closed by its credit: '… usai penandatanganan. (Dok. Humas Pemkot)', '(Foto: ANTARA/Nama)'.
const CAPTION = /\((?:dok\.|(?:dok|dokumentasi|foto|ilustrasi|sumber foto|photo)\s*[:/])\s*[^()]{2,60}\)$/iu;
/** A photo credit closing a caption: '(Foto: Humas)', '(Dok. Diskominfo)', '(BabelPagi/Rendra)'. */
export const CAPTION_CREDIT = /\s*\((?:foto|dok|dokumentasi|ilustrasi|sumber)\b[^()]*\)\s*$|\s*\([^()\s]+(?:\s[^()\s]+)?\/[^()]+\)\s*$|\s*\([A-Z][\w.]*\)\s*$/i;

/**
 * What a photo's caption says, without its label and credit ('Foto: Pejabat Pemkab mengikuti
 * bimtek, Senin (31/7/2023). (Gerbangsalam/Kholis)' → 'Pejabat Pemkab mengikuti bimtek, Senin
 * (31/7/2023).'), or null when the line is no caption or only a credit ('Foto: Humas Pemkab').
 * A caption often holds the event's day, venue and names.
 */
export function photoCaption(text: string): string | null {
  const t = text.trim();
  const labelled = CREDIT.exec(t);
  if (!labelled && !CAPTION.test(t)) return null;
  const said = (labelled ? t.slice(labelled[0].length) : t).replace(CAPTION_CREDIT, '').trim();
  // A caption describes: six words or more, ending as a sentence ends.
  return said.split(/\s+/).length >= 6 && /[.!?)]$/.test(said) ? said : null;
}
// A credit line with more than the name: 'Oleh MC Kab X, Kamis, 22 September 2022 | 15:26 WIB – Redaktur: Y – Dibaca 203 kali'.
const CREDIT_LABEL = /\b(?:redaktur|editor|penyunting|penulis|reporter|pewarta)\s*:/iu;
const READ_COUNT = /\b(?:dibaca|dilihat)\s+[\d.,]+\s*kali\b/iu;
// A ticker of other headlines: 'TERKINI: Jadwal buka puasa … • PSM tahan imbang …'.
const TICKER = /^(?:terkini|breaking news|breaking|trending|populer|terpopuler|hot news|berita terkini|sorotan|headline)\s*:\s*\S.*\s(?:•|\||·)\s/iu;

// Cross-links to other articles.
const CROSSLINK_BARE = /^(?:baca juga|baca pula|simak juga|tonton juga|lihat juga)\b/iu;
const CROSSLINK_LABEL =
  /^(?:baca|simak|lihat|tonton|artikel terkait|berita terkait|berita lainnya|baca selengkapnya|selengkapnya|read more|read also|related)\s*[:»>]/iu;
const CROSSLINK_HEADING =
  /^(?:(?:berita|artikel|tautan|topik|video)\s+(?:terkait|lainnya|terpopuler|pilihan|terkini|populer)|terpopuler|terkini|rekomendasi|populer|berita pilihan|baca juga|baca selengkapnya|related (?:articles|posts|news))\s*:?$/iu;

// Share, follow and subscribe prompts.
const SHARE_WORD =
  /^(?:bagikan|share|sebarkan|tweet|salin|tautan|copy|link|facebook|fb|twitter|x|whatsapp|wa|telegram|linkedin|line|e-?mail|surel|pinterest|instagram|tiktok|youtube|threads|print|cetak|artikel|berita|ini|ke|via|di)$/iu;
const SHARE_VERB = /\b(?:bagikan|share|sebarkan)\b/iu;
const PLATFORM = /(?:facebook|twitter|whatsapp|telegram|linkedin|pinterest|instagram|tiktok|youtube)/giu;
const FOLLOW = /^(?:ikuti|follow)\s+(?:kami|us|akun|media sosial|saluran|channel|kanal)\b/iu;
// A call to action ('Ikuti …', 'Dapatkan update …', 'Yuk gabung …') naming a channel or platform.
const CALL = /^(?:yuk,?\s+|mari\s+)?(?:ikuti|follow|gabung(?:lah)?|bergabung(?:lah)?|simak|dapatkan|nikmati|klik|kunjungi|pantau|subscribe)\b/iu;
const CHANNEL =
  /\b(?:google news|whatsapp|telegram|instagram|twitter|facebook|tiktok|youtube|grup|channel|saluran|newsletter|notifikasi|breaking news|aplikasi)\b|[\p{L}\d-]\.(?:com|id)\b/iu;
const SUBSCRIBE = /^(?:berlangganan|langganan|subscribe)\b/iu;

// A page's own furniture: breadcrumbs ('Home / Pemerintahan / …'), copyright lines, view counters,
// navigation bars ('Tentang Kami | Redaksi | Kontak'), tag lists and comment prompts.
const BREADCRUMB = /^(?:home|beranda|halaman utama)\s*[/>›»|]/iu;
const COPYRIGHT = /^(?:copyright\b|hak cipta\b|©|\(c\)\s*(?:19|20)\d\d\b)/iu;
const VIEWS = /^(?:dibaca|dilihat|views?)\s*:?\s*[\d.,]+\s*(?:kali|x)?\.?$/iu;
const TAGS = /^(?:tags?|topik|label|kata kunci)\s*:/iu;
const HASHTAGS = /^(?:#[\p{L}\d_]+\s*)+$/u;
const COMMENTS = /^(?:komentar(?:\s*\(\d+\))?|komentar ditutup\.?|tinggalkan (?:balasan|komentar)|tulis komentar|belum ada komentar\b.*)$/iu;

/** 'Tentang Kami | Redaksi | Pedoman Siber | Kontak', '[ HEADLINE ] [ FOTO ] …': four or more short items in a bar. */
function isNavBar(text: string): boolean {
  const items = text.replace(/^\[\s*|\s*\]$/g, '').split(/\s*\|\s*|\s{3,}|\s+•\s+|\s*\]\s*\[\s*/).filter(Boolean);
  return items.length >= 4 && items.every((i) => i.split(/\s+/).length <= 3 && !/[.!?]$/.test(i));
}

/** A line that only frames a page (breadcrumb, navigation, copyright, counter, tags, comments). */
export function isPageFurniture(text: string): boolean {
  const t = text.trim();
  return t.length <= 220 && (BREADCRUMB.test(t) || COPYRIGHT.test(t) || VIEWS.test(t) || TAGS.test(t) || HASHTAGS.test(t) || COMMENTS.test(t) || isNavBar(t));
}

/** Where a page's tail of related links, tags, comments and copyright begins. */
export function isFooterMarker(text: string): boolean {
  const t = text.trim();
  return CROSSLINK_HEADING.test(t) || /^terkait\s*:?$/iu.test(t) || isPageEndMarker(t);
}

/** Where a page's own tail begins — its tags, comments or copyright — rather than a list of links a walker reads past. */
export function isPageEndMarker(text: string): boolean {
  const t = text.trim();
  return TAGS.test(t) || COMMENTS.test(t) || COPYRIGHT.test(t);
}

const AD = /^(?:advertisement|iklan|sponsored|konten bersponsor|scroll to continue(?: with content)?|gulir (?:ke bawah )?untuk melanjutkan(?: membaca)?|lanjutkan membaca|ads?)\.?$/iu;

const BYLINE_WITH_SITE = new RegExp(
  `^(?:\\p{Lu}[\\p{L}.'-]*\\s+){0,4}\\p{Lu}[\\p{L}.'-]*\\s*[–—-]\\s*[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)+\\s*[,|–—-]?\\s*(${DATE_SOURCE})(?:\\s*[,|–—-]?\\s*${TIME_SOURCE})?\\s*`,
  'iu',
);

const DATE_AND_TIME = new RegExp(`(?:${DATE_SOURCE})|\\b${TIME_SOURCE}`, 'giu');
const CLOCK_TIME = new RegExp(`\\b${TIME_SOURCE}`, 'u');
/**
 * A credit naming a writer and a site with the time of posting, as some sites print it above the
 * article: 'Nur Kholis Abdillah - GERBANGSALAM Aug 1, 2023 - 10:05'. The name (a few capitalised
 * words), then, after dashes or bars, the site, the date and a clock time and nothing else.
 */
function isNamedStamp(text: string): boolean {
  if (text.length > 100 || findDate(text) === null || !CLOCK_TIME.test(text)) return false;
  const [name, ...parts] = text.split(/\s+[–—|·-]\s+/);
  const capitalised = (s: string, most: number) => {
    const words = s.split(/[\s,]+/).filter(Boolean);
    return words.length <= most && words.every((w) => /^\p{Lu}[\p{L}.'-]*$/u.test(w));
  };
  return parts.length > 0 && name!.trim().length > 0 && capitalised(name!, 4) && parts.every((p) => capitalised(p.replace(DATE_AND_TIME, ' '), 2));
}

function isShareLine(text: string): boolean {
  // Buttons may be bracketed ('[Facebook] [Twitter]') or run together ('FacebookTwitterWhatsAppLine').
  const words = text.replace(PLATFORM, ' $& ').split(/[\s:|,•·/[\]()]+/).filter(Boolean);
  if (words.length === 0 || words.length > 12 || !words.every((w) => SHARE_WORD.test(w))) return false;
  return SHARE_VERB.test(text) || (text.match(PLATFORM)?.length ?? 0) >= 2;
}

/** A line that only states when (and on which site) the page was published: 'Kamis, 12/5/2022 09:30 WIB'. */
export function isDateStamp(text: string): boolean {
  if (text.length > 100) return false;
  const rest = text.replace(STAMP, '');
  if (rest === text && !findDate(text)) return false;
  const parts = rest.split(/\s*[–—|-]\s+|\s+[–—|-]\s*/);
  // 'Kamis, 12/5/2022 09:30 WIB', or a site name followed by a date.
  return findDate(rest) !== null && parts.every((p) => onlyDate(p) || isSiteName(p.trim()));
}

/** The kind of boilerplate a line is, or null for content. Only short lines can be boilerplate. */
export function classifyLine(text: string, where: LineKind = 'para'): RemovedKind | null {
  const t = text.trim();
  if (t.length === 0 || t.length > 220) return null;
  if (CROSSLINK_BARE.test(t) || CROSSLINK_LABEL.test(t) || TICKER.test(t) || (where !== 'list' && CROSSLINK_HEADING.test(t))) return 'crosslink';
  if (where === 'para' && CREDIT_LABEL.test(t) && (READ_COUNT.test(t) || findDate(t) !== null)) return 'byline';
  if (POSTED_BY.test(t) && (t.length <= 60 || findDate(t) !== null)) return 'byline';
  if (BYLINE_LABEL.test(t) || BYLINE_REPORT.test(t) || (where === 'para' && (BYLINE_OLEH.test(t) || INITIALS.test(t)))) return 'byline';
  if (isShareLine(t) || (t.length <= 160 && (FOLLOW.test(t) || SUBSCRIBE.test(t) || (CALL.test(t) && CHANNEL.test(t))))) return 'share';
  if (AD.test(t)) return 'ad';
  if (where !== 'list' && isPageFurniture(t)) return 'header_footer';
  // 'PEMERINTAHAN Oleh Siti Nurjanah — Kamis, 21 April 2022 | 14:45': a credit with its date.
  if (where === 'para' && t.split(/\s+/).length <= 14 && /\b[Oo]leh\s+\p{Lu}/u.test(t) && findDate(t) !== null) return 'byline';
  if (where !== 'list' && t.length <= 120 && CREDIT.test(t)) return 'credit';
  if (where === 'para' && CAPTION.test(t)) return 'credit';
  if (splitBylinePrefix(t)?.rest === '' || isNamedStamp(t)) return 'byline';
  return null;
}

/**
 * A byline fused with the sentence that follows it, as copied from some sites:
 * 'Nama Penulis - SITUS.CO.ID Apr 21, 2022 - 14:21 KOTA - Pemerintah …'. Returns the
 * date and what follows, or null.
 */
export function splitBylinePrefix(text: string): { date: string | null; rest: string } | null {
  const m = text.match(BYLINE_WITH_SITE);
  if (!m) return null;
  return { date: findDate(m[1]!), rest: text.slice(m[0].length).trim() };
}
