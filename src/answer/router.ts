import type { Queryable } from '../db/index.ts';
import { answerMessages } from '../messages/index.ts';
import { checklistItemsById } from '../programme/index.ts';
import { weightedConcepts } from '../retrieval/index.ts';
import { regionOfShortening } from '../regions/names.ts';
import { answerChecklist, answerChecklistItems } from './checklists.ts';
import { answerDeadline, answerStageStatus, mentionsKnownCohortOrNone } from './deadlines.ts';
import type { Draft } from './draft.ts';
import { detectDayOffset, detectItemIds, detectRegions, detectStages, detectYears, detectZones, MAX_NAMED, regionMentions } from './entities.ts';
import { DEFAULT_BUDGET, readQuestion } from './compose/index.ts';
import { ConceptIndex } from './compose/select.ts';
import { compoundParts } from './compound.ts';
import { asksRuleToo, classify } from './intent.ts';
import { answerFromText, type TextAnswerDeps } from './text-answers.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface RouteInput {
  readonly question: string;
  /** The chat's region (a bound group, or chosen by the user). */
  readonly chatRegion: string | null;
  /**
   * Officers' chats see checklist ticks and stage status of their own (bound) region only;
   * staff surfaces see every region's. Calendars and documents are public either way.
   */
  readonly ownRegionOnly?: boolean;
  readonly at: Date;
  readonly vocabulary: Vocabulary;
  /** Where the question came from (Telegram instructions only in Telegram replies). */
  readonly platform: string;
}

export interface Routed {
  readonly draft: Draft;
  /** The region the answer is about: named in the question, else the chat's. */
  readonly regionCode: string | null;
}

/**
 * Reads a question once (stages, regions, intent) and sends it to the answerer that owns
 * it: greetings, checklist items by id, stage status, deadlines from the calendars,
 * checklists, and everything else from the documents' text.
 */
export async function route(deps: TextAnswerDeps & { db: Queryable }, input: RouteInput): Promise<Routed> {
  // A later part that names no region of its own is about the region the first part names.
  const regionOf = (lead: string) => {
    const m = regionMentions(lead, input.vocabulary.regions)[0];
    // Or shortened as officers write it ('perbup masterplan hst nomor brp? trs anggaran qw 2025 brp'): as written,
    // which search reads as the region.
    if (!m) return lead.split(/[^\p{L}]+/u).find((w) => regionOfShortening(w) !== null) ?? null;
    // With its kind, as the first part may not write it ('pangkalpinang' → 'kota pangkalpinang').
    const kind = m.region.name.startsWith('Kota ') ? 'kota' : 'kabupaten';
    return /^(kota|kabupaten|kab\.?|pemkot|pemkab) /.test(m.written) ? m.written : `${kind} ${m.written}`;
  };
  const compound = compoundParts(input.question, regionOf);
  if (compound.length === 1) return routeOne(deps, input);
  const parts = compound.map((p) => p.question);
  // Each part answered on its own, briefly, with its own sources. A later part asks with the first
  // part's words ('trs telat gmn?' leans on them); when that finds no answer and the part names a
  // subject of its own (a region, a name, a figure: 'trs bimtek masterplan tomohon kpn?'), it is asked as written.
  const budget = Math.max(350, Math.floor((deps.budget ?? DEFAULT_BUDGET) / parts.length));
  const ownSubject = (q: string) => detectRegions(q, input.vocabulary.regions).length > 0 || readQuestion(q).names.length > 0;
  const answered = await Promise.all(
    compound.map(async (p) => {
      const ask = (question: string) => routeOne({ ...deps, budget }, { ...input, question });
      const routed = await ask(p.question);
      // Asked with the first part's subject only, then with all its words.
      if (routed.draft.refused && p.withLead !== p.question) {
        const withLead = await ask(p.withLead);
        if (!withLead.draft.refused) return withLead;
      }
      if (!routed.draft.refused || p.alone === p.question || !ownSubject(p.alone)) return routed;
      const alone = await ask(p.alone);
      return alone.draft.refused ? routed : alone;
    }),
  );
  const drafts = answered.map((a) => a.draft);
  return {
    regionCode: answered[0]!.regionCode,
    draft: {
      intent: drafts[0]!.intent,
      answer: drafts.map((d, i) => answerMessages.partAnswer(parts[i]!, d.answer)).join('\n\n'),
      more: drafts.map((d) => d.more ?? '').filter(Boolean).join('\n\n'),
      refused: drafts.every((d) => d.refused),
      citations: drafts.flatMap((d) => d.citations),
    },
  };
}

async function routeOne(deps: TextAnswerDeps & { db: Queryable }, input: RouteInput): Promise<Routed> {
  const { db } = deps;
  const { question, at, vocabulary } = input;
  const stages = detectStages(question, vocabulary.stageByOrdinal);
  const stageId = stages[0] ?? null;
  const regions = detectRegions(question, vocabulary.regions);
  const region = regions[0] ?? null;
  const regionCode = region?.code ?? input.chatRegion ?? null;
  // The region whose progress may be shown: another region's ticks stay with that region.
  const hidden = input.ownRegionOnly === true && regionCode !== null && regionCode !== input.chatRegion;
  const progressCode = hidden ? null : regionCode;
  const classified = classify(question, stageId !== null);
  // 'apa itu dewan smart city?' is answered from the section that defines it, before any calendar.
  const defines = readQuestion(question).defines !== null && classified.intent !== 'greeting';
  const { intent, thanks, stageStatus } = defines ? { intent: 'rule' as const, thanks: false, stageStatus: false } : classified;
  const years = detectYears(question);
  const fromText = (i = intent) => answerFromText(deps, { question, intent: i, regionCode, named: region });
  const namedItems = intent === 'rule' || intent === 'checklist' ? await checklistItemsById(db, detectItemIds(question).slice(0, MAX_NAMED), progressCode) : [];
  let draft: Draft | null = null;
  if (intent === 'greeting') draft = { intent, answer: thanks ? answerMessages.thanks : answerMessages.greeting, refused: false, citations: [] };
  else if (namedItems.length > 0) draft = await answerChecklistItems(db, namedItems, progressCode);
  else if (stageStatus && hidden) draft = progressElsewhere(region?.name ?? regionCode);
  else if (stageStatus) draft = await answerStageStatus(db, regionCode, at, input.platform);
  else if (intent === 'deadline' && (await mentionsKnownCohortOrNone(db, years)))
    draft = await answerDeadline(db, {
      question,
      stages,
      regions,
      chatRegion: input.chatRegion,
      at,
      zones: detectZones(question),
      offset: detectDayOffset(question),
      years,
      nextBimtek: /\b(bimtek|bimbingan teknis)\s+(berikut|selanjut)/i.test(question),
      platform: input.platform,
    });
  else if (intent === 'checklist') draft = await answerChecklist(db, question, progressCode, stageId, input.platform);
  if (hidden && draft?.intent === 'checklist') draft = { ...draft, answer: `${draft.answer}\n\n${answerMessages.progressElsewhere(region?.name ?? regionCode ?? '')}` };
  // A deadline question about a region outside the calendars may be answered by a document
  // about it (a news article on its MoU); otherwise the calendar path says it has no cohort.
  if (draft?.intent === 'deadline' && region && !region.inProgramme) {
    const text = await fromText('rule');
    if (!text.refused) draft = text;
  }
  // A calendar answers the current cohorts' dates; a question about a past event that a document reports
  // ('bimtek ketiga sidoarjo dibuka tgl brp') is answered by that document when it holds clearly more of the question.
  if (draft?.intent === 'deadline' && !draft.refused && !region?.inProgramme) {
    const text = await fromText('rule');
    if (!text.refused && (await reportsEvents(db, text.citations[0]?.document))) {
      // The share of the question's weighted ideas each answer holds.
      const idx = new ConceptIndex(await weightedConcepts(db, question));
      if (idx.mass(idx.covered(text.answer)) >= idx.mass(idx.covered(draft.answer)) + REPORT_MARGIN) draft = text;
    }
  }
  const dates: Draft | null = draft;
  if (dates?.intent === 'deadline' && !dates.refused && asksRuleToo(question)) {
    // The dates, then what the documents say about the rest of the question.
    const rule = await fromText('rule');
    // The documents' words are shown as a quotation with their source, never as Pandu's own rule.
    const source = rule.citations[0]?.title ?? '';
    if (!rule.refused) draft = { ...dates, answer: `${dates.answer}\n\n${answerMessages.relatedQuote(source, rule.answer)}`, citations: [...dates.citations, ...rule.citations], retrieved: rule.retrieved };
  }
  draft ??= await fromText();
  return { draft, regionCode };
}

/** How much more of a question a document's answer must hold than the calendar's to be shown instead (chosen on the dev sets). */
const REPORT_MARGIN = 0.15;

/** The programme's own guidance (guides, FAQ, checklists, calendars) never overrides the calendar; reports and regional documents may. */
const GUIDANCE_KINDS = ['panduan', 'faq', 'checklist', 'kalender'];

async function reportsEvents(db: Queryable, document: string | undefined): Promise<boolean> {
  if (!document) return false;
  const [doc] = await db.query<{ kind: string }>('SELECT kind FROM documents WHERE path = $1', [document]);
  return doc !== undefined && !GUIDANCE_KINDS.includes(doc.kind);
}

function progressElsewhere(regionName: string | null): Draft {
  return { intent: 'deadline', answer: answerMessages.progressElsewhere(regionName ?? ''), refused: true, citations: [] };
}
