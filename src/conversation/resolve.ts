import { normalize, STOP_WORDS, words } from '../language/index.ts';
import {
  describe,
  ENTITY_KINDS,
  findEntities,
  NYA_WORDS,
  plain,
  stageLabel,
  stageMention,
  type Entities,
  type Entity,
  type EntityKind,
  type Found,
  type FoundEntities,
  type Vocabulary,
} from './entities.ts';

/**
 * Offline follow-up resolution: decides whether a question leans on the previous turn
 * ("kalau Bimtek III?", "dokumennya apa saja?", "terus?") and, if so, rewrites it into a
 * standalone question carrying the previous turn's region, cohort, stage, dimension and
 * topic where the new question lacks them. A question with its own subject is left alone.
 */

/** What the conversation was about before this question. */
export interface Context {
  readonly standalone: string;
  readonly entities: Entities;
}

export type Resolution =
  | { readonly kind: 'new'; readonly standalone: string; readonly entities: Entities }
  | {
      /** substitute: the previous question with one of its entities swapped or added; augment: this question plus carried entities; next: the adjacent stage. */
      readonly kind: 'substitute' | 'augment' | 'next';
      readonly standalone: string;
      readonly entities: Entities;
      /** Entity kinds taken from the previous turn. */
      readonly carried: readonly EntityKind[];
      /** 'Bimtek III, Kabupaten Sragen'. */
      readonly understood: string;
    };

/** Openers of an elliptical follow-up ('kalau…', 'terus…', 'yang…', 'untuk…'), after slang expansion. */
const LEADS = new Set([
  'kalau', 'terus', 'lalu', 'lantas', 'kemudian', 'nah', 'oh', 'ok', 'oke', 'okay', 'baik', 'sip', 'siap', 'oalah',
  'dan', 'sama', 'serta', 'yang', 'untuk', 'buat', 'bagi', 'trs', 'bagaimana', 'misalnya', 'lanjut',
]);
/** Openers that are dropped when the follow-up is rewritten. */
const DROPPED_LEADS = /^\s*((kalau|kalo|klo|kl|terus|trus|trs|lalu|lantas|kemudian|nah|oh|ok|oke|okay|baik|sip|siap|oalah|dan|serta|yang|yg|gimana|bagaimana|gmn)\b[\s,]*)+/i;

/** The whole message asks for the next (or previous) stage: 'terus?', 'habis itu apa?'. */
const NEXT = /^(terus|trus|trs|lalu|lantas|kemudian|selanjutnya|berikutnya|next|lanjut|(habis|abis|setelah|sesudah) (itu|ini)|(tahap|yang|yg) (selanjutnya|berikutnya))( (apa|gimana|bagaimana|gmn|lagi|ya|kak|min|dong))*$/;
const PREVIOUS = /^(sebelumnya|(tahap|yang|yg) sebelumnya|sebelum (itu|ini))( (apa|gimana|bagaimana|gmn|ya|kak|min|dong))*$/;

/** Words that carry no subject: politeness, question words, connectives. */
const FILLER = new Set([
  ...STOP_WORDS,
  'kalau', 'terus', 'lalu', 'lantas', 'kemudian', 'nah', 'oh', 'ok', 'oke', 'okay', 'baik', 'sip', 'siap', 'oalah', 'dong',
  'gan', 'bos', 'admin', 'pandu', 'info', 'gitu', 'begitu', 'sama', 'lagi', 'soal', 'tentang', 'mengenai', 'terkait',
  'buat', 'bagi', 'trs', 'misalnya', 'lanjut', 'tadi', 'td', 'tsb', 'kah', 'ni', 'tu', 'kalo', 'mau', 'tanya', 'nanya',
  'bertanya', 'kira', 'kira-kira', 'kirakira', 'sebenarnya', 'kayak', 'seperti', 'gmn', 'bgmn', 'biasanya', 'sebaiknya',
  'lazimnya', 'umumnya', 'seharusnya', 'harusnya', 'mestinya', 'katanya', 'ya', 'yah', 'ga', 'gak', 'nggak', 'enggak',
  'kan', 'tuh', 'dulu', 'sekarang', 'nanti', 'jadinya', 'jadi',
]);

/**
 * Generic words of a question that need a subject to mean anything ('kapan tenggatnya?',
 * 'dokumennya apa saja?', 'siapa yang tanda tangan?'). A question made only of these
 * leans on the previous turn; any other word gives it a subject of its own.
 */
const ASPECT = new Set(
  `kapan tenggat batas waktu akhir jadwal tanggal jatuh tempo lambat cepat terlambat telat sisa lama hari minggu bulan
   tahun jam pukul durasi dokumen berkas file syarat persyaratan isi format checklist butir keluaran output hasil produk
   templat template contoh lampiran formulir form tanda tangan menandatangani ttd tandatangan penanggung jawab pj
   wajib perlu boleh cara caranya prosedur langkah alur unggah upload kirim dikirim dikumpulkan diunggah
   disiapkan siapkan disusun susun dibuat buat dilakukan dikerjakan dibawa bawa minimal maksimal minimum maksimum paling
   sedikit banyak jumlah kriteria ketentuan aturan mulai dimulai selesai kegiatan acara pelaksanaan dilaksanakan diadakan
   tempat lokasi peserta hadir ikut status progres progress kemajuan tahap tahapan bentuk jenis macam nomor penting
   berlaku siapa apa saja beda bedanya perbedaan urutan bab susunan detail rinci rincian lengkap lengkapnya penjelasan
   jelaskan maksud artinya arti pengertian tujuan target siap disiapkan kumpul dikumpul mengunggah menyerahkan diserahkan
   serahkan ketua anggota bertanggung tanggung dikerjakan kerjakan deadline dedline dedlen diupload upload uploadnya
   disiapin siapin dikumpulin kumpulin diserahin dikirimkan diisi dilampirkan lampirkan ditandatangani tandatangani
   diteken teken dikerjain kerjain dibikin bikin diwakilkan diwakili wakil mewakili diwakilin gimana caranya prosesnya
   proses diperbarui diperbaharui perbarui update diupdate diubah ubah direvisi revisi diganti ganti ditetapkan
   menetapkan berlaku`.split(/\s+/).filter(Boolean),
);


const isNya = (w: string) => w.length > 5 && w.endsWith('nya') && !NYA_WORDS.has(w);
const ANAPHORS = new Set(['tersebut', 'tsb', 'tadi', 'td']);

interface Shape {
  readonly found: FoundEntities;
  /** Subject words: neither entity, filler nor generic aspect. */
  readonly content: string[];
  readonly aspect: string[];
  readonly anaphora: boolean;
  readonly lead: boolean;
  readonly next: 1 | -1 | 0;
  /** 'apa itu X?', 'X itu apa?': asks what something is, a question of its own. */
  readonly definition: boolean;
  /** Asks its own question ('mentornya siapa?') rather than 'what about X?'. */
  readonly asks: boolean;
}

const INTERROGATIVES = new Set(['siapa', 'kapan', 'berapa', 'dimana', 'mengapa', 'kenapa', 'apakah', 'apa']);

const DEFINITION = /\bapa (itu|sih itu|yang dimaksud|arti|artinya|maksud|maksudnya|pengertian)\b|\bitu apa\b|\byang dimaksud\b|\bpengertian\b|\bapa sih\b|\b(maksud|maksudnya|arti|artinya) apa\b|\bitu (maksudnya|artinya)\b/;

function kindsOf(e: Entities | FoundEntities): EntityKind[] {
  return ENTITY_KINDS.filter((k) => e[k] !== undefined);
}

function withoutSpans(text: string, found: FoundEntities): string {
  const spans = kindsOf(found)
    .map((k) => found[k]!)
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of spans) out = `${out.slice(0, s.start)} ${out.slice(s.end)}`;
  return out;
}

function shapeOf(question: string, vocab: Vocabulary, context: Context): Shape {
  const found = findEntities(question, vocab, { bareDimensions: !!context.entities.dimension });
  const rest = words(withoutSpans(question, found));
  const all = words(question);
  const content: string[] = [];
  const aspect: string[] = [];
  let anaphora = false;
  // 'tenggatnya', and 'bimtek 2 nya' written apart: of the thing we were talking about.
  if (all.some(isNya) || all.includes('nya')) anaphora = true;
  for (const w of rest) {
    const base = isNya(w) ? w.slice(0, -3) : w;
    if (ANAPHORS.has(w)) anaphora = true;
    if (FILLER.has(base) || /^\d+$/.test(base)) continue;
    // Jakarta-style '-in' verbs reach us as 'disiapi' (from 'disiapin').
    if (ASPECT.has(base) || ASPECT.has(`${base}n`)) aspect.push(ASPECT.has(base) ? base : `${base}n`);
    else content.push(base);
  }
  // 'itu' refers back only when the question names nothing itself ('apa itu X?' is a definition).
  if (all.includes('itu') && kindsOf(found).length === 0 && content.length === 0 && !/\bapa itu\b|\bitu apa\b/.test(all.join(' '))) anaphora = true;
  const joined = all.join(' ');
  const next = NEXT.test(joined) ? 1 : PREVIOUS.test(joined) ? -1 : 0;
  return { found, content, aspect, anaphora, lead: LEADS.has(all[0] ?? ''), next, definition: DEFINITION.test(joined), asks: rest.some((w) => INTERROGATIVES.has(w)) };
}

const PREPOSITION_BEFORE = /\s*\b(untuk|utk|di|bagi|buat|pada|khusus)\s*$/i;

function phrase(kind: EntityKind, e: Entity, regionWord = 'untuk'): string {
  return kind === 'region' ? `${regionWord} ${e.mention}` : e.mention;
}

function finish(text: string, appended: string[]): string {
  // Carried words go with the question they complete: 'Siapa yang tanda tangan F-02? boleh diwakilkan?'
  const firstQuestion = text.search(/\?\s*\S/);
  if (firstQuestion >= 0 && appended.length > 0) return finish(`${text.slice(0, firstQuestion)} ${appended.join(' ')}${text.slice(firstQuestion)}`, []);
  let body = text.replace(/\b(apa|siapa|mana) (aja|ajah)\b/gi, '$1 saja').replace(/\s+/g, ' ').replace(/\s+([?,.!])/g, '$1').trim().replace(/[\s?.!,]+$/, '');
  if (appended.length > 0) body = `${body} ${appended.join(' ')}`;
  body = body.replace(/\s+/g, ' ').trim();
  return `${body.charAt(0).toUpperCase()}${body.slice(1)}?`;
}

/** The previous standalone question with entities swapped, removed or added. */
function substitute(context: Context, vocab: Vocabulary, replace: Entities, remove: EntityKind[]): string {
  const base = context.standalone;
  const spans = findEntities(base, vocab, { bareDimensions: !!context.entities.dimension });
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const appended: string[] = [];
  for (const kind of ENTITY_KINDS) {
    const span: Found | undefined = spans[kind];
    const wanted = replace[kind];
    if (wanted) {
      if (span) edits.push({ start: span.start, end: span.end, text: wanted.mention });
      else appended.push(phrase(kind, wanted));
    } else if (remove.includes(kind) && span) {
      const before = PREPOSITION_BEFORE.exec(base.slice(0, span.start));
      edits.push({ start: before ? span.start - before[0].length : span.start, end: span.end, text: '' });
    }
  }
  let text = base;
  for (const e of edits.sort((a, b) => b.start - a.start)) text = `${text.slice(0, e.start)}${e.text}${text.slice(e.end)}`;
  return finish(text, appended);
}

/** Asks what a stage requires ('dokumennya apa saja?', 'yang wajib diupload apa?'). */
const REQUIREMENTS = new Set([
  'dokumen', 'berkas', 'syarat', 'persyaratan', 'keluaran', 'output', 'checklist', 'ceklis', 'butir', 'upload', 'diupload',
  'unggah', 'diunggah', 'disiapkan', 'disiapin', 'dikumpulkan', 'dikumpulin', 'diserahkan', 'lampiran', 'selesai', 'progres',
  'progress', 'kemajuan', 'status',
]);
const NOT_REQUIREMENTS = new Set(['kapan', 'tenggat', 'deadline', 'dedline', 'dedlen', 'batas', 'tanggal', 'siapa', 'cara', 'caranya', 'bagaimana', 'format', 'berapa', 'lama']);
/** Asks for a stage's due date ('tenggatnya?', 'tanggal berapa?', 'berapa hari lagi?'). */
const DUE = new Set(['tenggat', 'deadline', 'dedline', 'dedlen', 'batas', 'tanggal', 'kapan', 'sisa']);
const NOT_DUE = new Set(['mulai', 'dimulai', 'pelaksanaan', 'dilaksanakan', 'diadakan', 'acara', 'kegiatan', 'jadwal', 'siapa', 'cara', 'caranya', 'dokumen', 'isi', 'syarat', 'lama', 'telat', 'terlambat', 'diperbarui', 'diperbaharui', 'perbarui', 'update', 'diupdate', 'diubah', 'direvisi', 'revisi', 'diganti', 'ditetapkan', 'berlaku']);

/** This question without its opener and back-references, plus the carried entities. */
function augment(question: string, shape: Shape, carried: Entities, entities: Entities): string {
  if (entities.stage && shape.content.length === 0 && shape.aspect.some((w) => REQUIREMENTS.has(w)) && !shape.aspect.some((w) => NOT_REQUIREMENTS.has(w))) {
    // Worded the way the checklist of a stage is asked for, whatever the officer's wording.
    const rest = ENTITY_KINDS.filter((k) => k !== 'stage' && entities[k]).map((k) => phrase(k, entities[k]!, 'di'));
    return finish(`Apa saja dokumen yang harus disiapkan untuk ${entities.stage.mention}`, rest);
  }
  const said = words(question);
  const due = said.some((w) => DUE.has(w)) || /\bberapa hari lagi\b/.test(said.join(' '));
  if (entities.stage && shape.content.length === 0 && due && !said.some((w) => NOT_DUE.has(w))) {
    const rest = ENTITY_KINDS.filter((k) => k !== 'stage' && entities[k]).map((k) => phrase(k, entities[k]!));
    return finish(`Kapan tenggat ${entities.stage.mention}`, rest);
  }
  let text = question.replace(DROPPED_LEADS, '');
  text = text.replace(/\b([\p{L}-]{3,})nya\b/giu, (w, base: string) => (NYA_WORDS.has(normalize(w)) ? w : base));
  if (shape.anaphora) text = text.replace(/\s*\b(tersebut|tsb|tadi|td)\b/gi, '');
  if (shape.anaphora && kindsOf(shape.found).length === 0) text = text.replace(/\s*\bitu\b(?!\s+apa)/gi, (m, offset: number, all: string) => (/\bapa\s*$/i.test(all.slice(0, offset)) ? m : ''));
  const appended = ENTITY_KINDS.filter((k) => carried[k]).map((k) => phrase(k, carried[k]!));
  return finish(text, appended);
}

function adjacentStage(stage: string, step: 1 | -1, vocab: Vocabulary): string | null {
  const i = vocab.stageOrder.indexOf(stage);
  if (i < 0) return null;
  return vocab.stageOrder[i + step] ?? null;
}

/**
 * Resolves a question against the previous turn. Without a previous turn (or one that
 * named nothing), or when the question stands on its own, it is returned unchanged.
 */
export function resolveFollowUp(question: string, context: Context | null, vocab: Vocabulary): Resolution {
  const q = question.trim();
  const ctx: Context = context ?? { standalone: '', entities: {} };
  const shape = shapeOf(q, vocab, ctx);
  const own = plain(shape.found);
  const ownKinds = kindsOf(own);
  const unchanged: Resolution = { kind: 'new', standalone: q, entities: own };
  const prevKinds = kindsOf(ctx.entities);
  if (!context || prevKinds.length === 0) return unchanged;

  // 'terus?' after a stage: the next stage, same question.
  if (shape.next !== 0 && ownKinds.length === 0) {
    const prevStage = ctx.entities.stage;
    const stage = prevStage ? adjacentStage(prevStage.value, shape.next, vocab) : null;
    if (!stage) return unchanged;
    const entity = { value: stage, mention: stageMention(stage, vocab), label: stageLabel(stage, vocab) };
    const entities = { ...ctx.entities, stage: entity };
    return { kind: 'next', standalone: substitute(ctx, vocab, { stage: entity }, []), entities, carried: prevKinds.filter((k) => k !== 'stage'), understood: describe(entities) };
  }

  // 'kalau Bimtek III?', 'untuk kota palu?', 'yang tahap 3?': the previous question about another entity.
  // A topic or dimension only replaces one the previous question had ('kalau smart economy?'
  // after Smart Branding); 'terus soal pendanaan?' after a deadline is a new question.
  const swappable = ownKinds.every((k) => (k === 'topic' || k === 'dimension' ? !!ctx.entities[k] || (k === 'dimension' && !!ctx.entities.topic) : true));
  if (ownKinds.length > 0 && shape.content.length === 0 && shape.aspect.length === 0 && !shape.definition && (!shape.asks || shape.lead) && swappable) {
    const remove: EntityKind[] = [];
    if (own.region && !own.cohort && ctx.entities.cohort) remove.push('cohort');
    if (own.cohort && !own.region && ctx.entities.region) remove.push('region');
    const kept = prevKinds.filter((k) => !own[k] && !remove.includes(k));
    const entities: Entities = {};
    for (const k of ENTITY_KINDS) {
      const e = own[k] ?? (kept.includes(k) ? ctx.entities[k] : undefined);
      if (e) entities[k] = e;
    }
    return { kind: 'substitute', standalone: substitute(ctx, vocab, own, remove), entities, carried: kept, understood: describe(entities) };
  }

  const onlyAspect = ownKinds.length === 0 && shape.content.length === 0 && (shape.aspect.length > 0 || shape.asks);
  const followUp = shape.anaphora || (shape.lead && shape.content.length === 0) || onlyAspect;
  if (!followUp) return unchanged;
  // Own subject words without a back-reference ('terus soal pendanaan?') start a new topic, and
  // so do subject words with an entity of their own ('tingkatannya apa saja di Bimtek I?').
  if (shape.content.length > 0 && (!shape.anaphora || shape.definition || ownKinds.length > 0 || shape.content.length >= 3)) return unchanged;
  // A topic of its own without a back-reference ('terus soal pendanaan gimana?') is a new question too.
  if ((own.topic || own.dimension) && !shape.anaphora) return unchanged;

  const carry: EntityKind[] = [];
  for (const k of prevKinds) {
    if (own[k]) continue;
    // A question naming its own topic ('kalau quick win-nya?') keeps the stage and region, not the old topic.
    if ((k === 'topic' || k === 'dimension') && own.topic) continue;
    if (k === 'cohort' && own.region) continue;
    if (k === 'region' && own.cohort) continue;
    carry.push(k);
  }
  if (carry.length === 0) return unchanged;
  const carried: Entities = {};
  for (const k of carry) carried[k] = ctx.entities[k];
  const entities: Entities = {};
  for (const k of ENTITY_KINDS) {
    const e = own[k] ?? carried[k];
    if (e) entities[k] = e;
  }
  return { kind: 'augment', standalone: augment(q, shape, carried, entities), entities, carried: carry, understood: describe(entities) };
}
