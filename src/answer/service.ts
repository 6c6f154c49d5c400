import type { Db } from '../db/index.ts';
import type { Logger } from '../log.ts';
import { answerMessages, formatDate, zoneAbbr } from '../messages/index.ts';
import {
  activitySpans,
  addDays,
  checklistItems,
  checklistItemsById,
  convertClock,
  currentStage,
  daysLeft,
  localDate,
  regionDeadlines,
  stageChecklist,
  stageEvents,
  ZONES,
  type ActivitySpan,
  type ChecklistItemInfo,
} from '../programme/index.ts';
import { regionByCode } from '../regions/index.ts';
import type { Embedder } from '../retrieval/embedder.ts';
import { terms } from '../retrieval/text.ts';
import { search, sectionsTitled, weightedConcepts, type SearchHit, type WeightedConcept } from '../retrieval/search.ts';
import {
  detectClock,
  detectDayOffset,
  detectItemIds,
  detectRegions,
  detectStages,
  detectYears,
  detectZones,
  matchChecklistItem,
  MAX_NAMED,
  regionNames,
  type RegionName,
  type ZoneName,
} from './entities.ts';
import { citationOf, extractiveAnswer, snippet } from './extractive.ts';
import type { Generator } from './generate.ts';
import { asksRuleToo, classify, isProgrammeQuestion } from './intent.ts';
import { comparisonSides } from './compare.ts';
import { checkEvidence } from './evidence.ts';
import type { Answer, AnswerService, AskInput, Citation, Intent } from './types.ts';

export interface AnswerServiceDeps {
  readonly db: Db;
  readonly embedder: Embedder;
  readonly logger: Logger;
  readonly generator?: Generator | null;
  readonly now?: () => Date;
  /** Evidence below this share of the question's IDF mass is not enough to answer. */
  readonly minCoverage?: number;
  readonly onAnswered?: (a: Answer, ms: number, platform: string) => void;
}

/** Chosen on the unanswerable items of our eval set (see bench/RESULTS.md). */
export const DEFAULT_MIN_COVERAGE = 0.25;
/** The same for questions without a programme word ('resep rendang', 'skor bola'). */
export const OFF_TOPIC_MIN_COVERAGE = 0.5;

interface Draft {
  intent: Intent;
  answer: string;
  refused: boolean;
  citations: Citation[];
  understood?: string;
}

async function kalenderCitation(db: Db, cohort: number, stageName?: string): Promise<Citation | null> {
  const [doc] = await db.query<{ path: string; title: string }>(
    `SELECT d.path, d.title FROM documents d JOIN deadlines x ON x.source = d.path WHERE x.cohort = $1 LIMIT 1`,
    [cohort],
  );
  if (!doc) return null;
  return { document: doc.path, title: doc.title, heading: stageName ? `Jadwal dan tenggat tahapan > ${stageName}` : 'Jadwal dan tenggat tahapan', page: null, snippet: '', score: 1 };
}

export function createAnswerService(deps: AnswerServiceDeps): AnswerService {
  const { db, logger } = deps;
  const log = logger.child({ module: 'answer' });
  const now = deps.now ?? (() => new Date());
  const minCoverage = deps.minCoverage ?? DEFAULT_MIN_COVERAGE;

  /** Cohort years the calendars hold. */
  async function knownCohorts(): Promise<number[]> {
    return (await db.query<{ cohort: number }>('SELECT DISTINCT cohort FROM deadlines ORDER BY cohort')).map((r) => r.cohort);
  }

  /** A question about another year ('angkatan 2024') is not about the calendars we hold. */
  async function mentionsKnownCohortOrNone(question: string): Promise<boolean> {
    const years = [...question.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1]));
    if (years.length === 0) return true;
    return (await knownCohorts()).some((c) => years.includes(c));
  }

  async function stageOrdinals(): Promise<Map<number, string>> {
    const rows = await db.query<{ id: string; ordinal: number }>('SELECT id, ordinal FROM stages');
    return new Map(rows.map((r) => [r.ordinal, r.id]));
  }

  /** What a deadline question asks beyond the due date: activity dates, a reminder day, other zones. */
  interface DeadlineAsk {
    readonly stages: readonly string[];
    readonly regions: readonly RegionName[];
    readonly chatRegion: string | null;
    readonly at: Date;
    readonly zones: readonly ZoneName[];
    readonly offset: number | null;
    readonly years: readonly number[];
    /** 'bimtek berikutnya': only Bimtek stages count as next. */
    readonly nextBimtek?: boolean;
  }

  type Deadline = Awaited<ReturnType<typeof regionDeadlines>>[number];

  /** Activity spans per stage of a cohort, without the event that only repeats the due date. */
  async function activities(cohort: number, stageIds: readonly string[]): Promise<Map<string, ActivitySpan[]>> {
    const [events, base] = await Promise.all([
      stageEvents(db, cohort, stageIds),
      db.query<{ stage_id: string; due_on: string }>('SELECT stage_id, due_on FROM deadlines WHERE cohort = $1 AND region_code IS NULL', [cohort]),
    ]);
    const dueOf = new Map(base.map((b) => [b.stage_id, b.due_on]));
    const out = new Map<string, ActivitySpan[]>();
    for (const id of stageIds) {
      const spans = activitySpans(events.filter((e) => e.stageId === id)).filter((s) => !(s.from === s.to && s.from === dueOf.get(id)));
      out.set(id, spans);
    }
    return out;
  }

  /** A deadline line with what was asked about it: other zones, activity dates, the H-n reminder day. */
  function deadlineBlock(d: Deadline, ask: DeadlineAsk, spans: readonly ActivitySpan[], onlyFuture: boolean): string[] {
    const alsoIn = ask.zones
      .filter((z) => ZONES[z] !== d.timezone)
      .map((z) => ({ ...convertClock(d.dueOn, { hour: 23, minute: 59 }, d.timezone, ZONES[z]), zone: z }));
    const lines = [answerMessages.deadlineLine({ ...d, daysLeft: daysLeft(d, ask.at), alsoIn })];
    const today = localDate(ask.at, d.timezone);
    const shown = onlyFuture ? spans.filter((s) => s.to >= today) : spans;
    for (const s of shown) lines.push(answerMessages.activityLine(s));
    if (spans.length === 0 && d.startsOn && (!onlyFuture || d.startsOn >= today)) lines.push(answerMessages.startLine(d.startsOn));
    if (ask.offset !== null) lines.push(answerMessages.reminderLine(ask.offset, addDays(d.dueOn, -ask.offset), d.timezone, d.completed));
    return lines;
  }

  /** One region's answer: the named stages (in the order named) or its next open deadlines. */
  async function regionDeadlineBlock(code: string, ask: DeadlineAsk): Promise<{ text: string; citation: Citation | null } | null> {
    const r = await regionByCode(db, code);
    if (!r) return null;
    if (r.cohort === null) return { text: answerMessages.noCohort(r.name), citation: null };
    const all = await regionDeadlines(db, code);
    if (all.length === 0) return { text: answerMessages.noCohort(r.name), citation: null };
    const cite = await kalenderCitation(db, r.cohort);
    if (ask.stages.length > 0) {
      const picked = ask.stages.map((s) => all.find((x) => x.stageId === s)).filter((x): x is Deadline => x !== undefined);
      if (picked.length === 0) return null;
      const spans = await activities(r.cohort, picked.map((d) => d.stageId));
      const lines = picked.flatMap((d) => deadlineBlock(d, ask, spans.get(d.stageId) ?? [], false));
      const heading = picked.map((d) => d.stageName).join('; ');
      return {
        text: `${answerMessages.deadlineHeader(r.name, r.cohort)}\n${lines.join('\n')}`,
        citation: cite && { ...cite, heading: `Jadwal dan tenggat tahapan > ${heading}`, snippet: snippet(lines.join(' ')) },
      };
    }
    const open = all.filter((d) => !d.completed);
    if (open.length === 0) return { text: answerMessages.deadlineAllDone(r.name), citation: cite };
    const bimtek = ask.nextBimtek ? open.filter((d) => d.stageId.startsWith('bimtek')) : [];
    const next = bimtek.length > 0 ? bimtek.slice(0, 1) : open.slice(0, 3);
    const spans = await activities(r.cohort, next.map((d) => d.stageId));
    const lines = next.flatMap((d) => deadlineBlock(d, ask, spans.get(d.stageId) ?? [], true));
    return {
      text: `${answerMessages.deadlineUpcomingHeader(r.name, r.cohort)}\n${lines.join('\n')}`,
      citation: cite && { ...cite, snippet: snippet(lines.join(' ')) },
    };
  }

  /** 'jam 23.59 WIT itu jam berapa WIB?' → '23.59 WIT = 21.59 WIB', into the other zones named or the region's. */
  async function clockConversion(question: string, ask: DeadlineAsk): Promise<string | null> {
    const clock = detectClock(question);
    if (!clock) return null;
    let targets: string[] = ask.zones.filter((z) => z !== clock.zone);
    if (targets.length === 0) {
      const code = ask.regions[0]?.code ?? ask.chatRegion;
      const r = code ? await regionByCode(db, code) : null;
      const own = r && zoneAbbr(r.timezone);
      if (own && own !== clock.zone && own in ZONES) targets = [own];
    }
    if (targets.length === 0) return null;
    const day = localDate(ask.at, ZONES[clock.zone]);
    const others = targets.map((z) => ({ ...convertClock(day, clock, ZONES[clock.zone], ZONES[z as ZoneName]), zone: z }));
    return answerMessages.clockLine(`${String(clock.hour).padStart(2, '0')}.${String(clock.minute).padStart(2, '0')}`, clock.zone, others, day);
  }

  /** Whether a question about a cohort year should be answered for the cohort rather than the chat's region. */
  async function regionTargets(ask: DeadlineAsk): Promise<string[]> {
    if (ask.regions.length > 0) return ask.regions.map((r) => r.code);
    if (!ask.chatRegion) return [];
    if (ask.years.length > 0) {
      const r = await regionByCode(db, ask.chatRegion);
      const known = (await knownCohorts()).filter((c) => ask.years.includes(c));
      // 'presentasi angkatan 2027 kapan?' from a 2026 region asks about the other cohort.
      if (r?.cohort != null && known.length > 0 && !known.includes(r.cohort)) return [];
    }
    return [ask.chatRegion];
  }

  async function answerDeadline(question: string, ask: DeadlineAsk): Promise<Draft | null> {
    const clock = await clockConversion(question, ask);
    const lead = clock ? [clock] : [];
    const codes = await regionTargets(ask);
    if (codes.length > 0) {
      const blocks: string[] = [];
      const citations: Citation[] = [];
      for (const code of codes) {
        const b = await regionDeadlineBlock(code, ask);
        if (!b) continue;
        blocks.push(b.text);
        if (b.citation && !citations.some((c) => c.document === b.citation!.document && c.heading === b.citation!.heading)) citations.push(b.citation);
      }
      if (blocks.length === 0) return null;
      return { intent: 'deadline', answer: [...lead, ...blocks].join('\n\n'), refused: false, citations };
    }
    if (ask.stages.length === 0) return clock ? { intent: 'deadline', answer: clock, refused: false, citations: [] } : null;
    const blocks: string[] = [];
    const citations: Citation[] = [];
    for (const stageId of ask.stages) {
      const rows = await db.query<{ cohort: number; due_on: string; name: string; source: string }>(
        `SELECT d.cohort, d.due_on, s.name, d.source FROM deadlines d JOIN stages s ON s.id = d.stage_id
          WHERE d.stage_id = $1 AND d.region_code IS NULL ORDER BY d.cohort`,
        [stageId],
      );
      const asked = rows.filter((x) => ask.years.includes(x.cohort));
      const shown = asked.length > 0 ? asked : rows;
      if (shown.length === 0) continue;
      const lines: string[] = [];
      for (const x of shown) {
        lines.push(answerMessages.deadlineCohortLine(x.cohort, x.due_on));
        const spans = (await activities(x.cohort, [stageId])).get(stageId) ?? [];
        for (const s of spans) lines.push(answerMessages.activityLine(s));
        if (ask.offset !== null) lines.push(answerMessages.reminderLine(ask.offset, addDays(x.due_on, -ask.offset), 'waktu setempat', false));
        const c = await kalenderCitation(db, x.cohort, x.name);
        if (c) citations.push({ ...c, snippet: snippet(`${x.name}: ${formatDate(x.due_on)}`) });
      }
      blocks.push(`${answerMessages.deadlineCohortHeader(shown[0]!.name)}\n${lines.join('\n')}`);
    }
    if (blocks.length === 0) return null;
    return {
      intent: 'deadline',
      answer: [...lead, ...blocks, `${answerMessages.deadlineCohortNote}\n${answerMessages.noRegion}`].join('\n\n'),
      refused: false,
      citations,
    };
  }

  /** 'tahap apa saja yang sudah selesai untuk Kab. Sragen?' → completed and open stages of the region. */
  async function answerStageStatus(code: string | null, at: Date): Promise<Draft> {
    if (!code) return { intent: 'deadline', answer: answerMessages.noRegion, refused: false, citations: [] };
    const r = await regionByCode(db, code);
    if (!r || r.cohort === null) return { intent: 'deadline', answer: answerMessages.noCohort(r?.name ?? code), refused: false, citations: [] };
    const all = await regionDeadlines(db, code);
    const done = all.filter((d) => d.completed).map((d) => d.stageName);
    const open = all.filter((d) => !d.completed).map((d) => answerMessages.deadlineLine({ ...d, daysLeft: daysLeft(d, at) }));
    const parts = [answerMessages.stageStatusHeader(r.name, r.cohort), answerMessages.stageStatusDone(done)];
    if (open.length > 0) parts.push(answerMessages.stageStatusOpen, ...open);
    parts.push(answerMessages.stageStatusNote);
    const cite = await kalenderCitation(db, r.cohort);
    return { intent: 'deadline', answer: parts.join('\n'), refused: false, citations: cite ? [{ ...cite, snippet: snippet(parts.slice(1).join(' ')) }] : [] };
  }

  async function checklistCitation(stageId: string, heading: string, text: string): Promise<Citation[]> {
    const [doc] = await db.query<{ path: string; title: string }>(
      `SELECT d.path, d.title FROM documents d WHERE d.kind = 'checklist' AND d.path LIKE $1 LIMIT 1`,
      [`%${stageId}%`],
    );
    return doc ? [{ document: doc.path, title: doc.title, heading, page: null, snippet: snippet(text), score: 1 }] : [];
  }

  function itemDetail(i: ChecklistItemInfo, regionName: string | undefined): string {
    return answerMessages.checklistItemDetail({ ...i, regionName });
  }

  /** 'BT3-04 isinya apa', 'MOU-08 wajib ga?': the named items in full, with the region's tick. */
  async function answerChecklistItems(items: readonly ChecklistItemInfo[], regionCode: string | null): Promise<Draft> {
    const regionName = regionCode ? (await regionByCode(db, regionCode))?.name : undefined;
    const citations: Citation[] = [];
    for (const i of items) citations.push(...(await checklistCitation(i.stageId, `${i.stageName} > ${i.id} — ${i.title}`, i.description)));
    return { intent: 'checklist', answer: items.map((i) => itemDetail(i, regionName)).join('\n\n'), refused: false, citations };
  }

  async function answerChecklist(question: string, regionCode: string | null, stageId: string | null): Promise<Draft | null> {
    let stage = stageId;
    let regionName: string | undefined;
    if (regionCode) regionName = (await regionByCode(db, regionCode))?.name;
    if (!stage) {
      // An item named by its words ('sidang dewan masuk checklist?') when one matches clearly.
      const best = matchChecklistItem(question, await checklistItems(db, regionCode), 2);
      if (best) return answerChecklistItems([best], regionCode);
      if (regionCode) stage = currentStage(await regionDeadlines(db, regionCode))?.stageId ?? null;
    }
    if (!stage) return null;
    const cl = await stageChecklist(db, regionCode ?? '', stage);
    if (!cl || cl.total === 0) return null;
    const best = stageId ? matchChecklistItem(question, cl.items.map((i) => ({ ...i, stageId: cl.stageId, stageName: cl.stageName }))) : null;
    const lead = best ? [`${answerMessages.checklistBestMatch}\n${itemDetail(best, regionName)}`] : [];
    const items = cl.items.map((i) => answerMessages.checklistItem({ ...i, showDone: !!regionCode }));
    const optional = cl.items.filter((i) => !i.required).length;
    const list = `${answerMessages.checklistHeader(cl.stageName, cl.done, cl.total, regionName, optional)}\n${items.join('\n')}\n${answerMessages.checklistHowTo}`;
    return {
      intent: 'checklist',
      answer: [...lead, list].join('\n\n'),
      refused: false,
      citations: await checklistCitation(stage, cl.stageName, cl.items.map((i) => `${i.id} ${i.title}`).join('; ')),
    };
  }

  async function answerFromText(question: string, intent: Intent, regionCode: string | null, named: RegionName | null): Promise<Draft> {
    const refuse = (answer: string): Draft => ({ intent, answer, refused: true, citations: [] });
    const [hits, concepts]: [SearchHit[], WeightedConcept[]] = await Promise.all([
      search({ db, embedder: deps.embedder }, question, { k: 6, regionCode }),
      weightedConcepts(db, question),
    ]);
    const top = hits[0];
    // A question without a programme word ('resep rendang', 'skor bola') needs stronger evidence.
    const inScope = isProgrammeQuestion(question) || intent !== 'rule';
    const weak = !top || top.coverage < (inScope ? minCoverage : OFF_TOPIC_MIN_COVERAGE);
    if (weak) {
      return { ...refuse(inScope ? answerMessages.refused() : answerMessages.outOfScope), intent: inScope ? intent : 'out_of_scope' };
    }
    let draft: { text: string; citations: Citation[] } | null = null;
    if (deps.generator) {
      const generated = await deps.generator.generate(question, hits);
      if (generated) draft = { text: generated.text, citations: generated.citations };
    }
    draft ??= await withBothSides(question, extractiveAnswer(question, hits, concepts, { region: regionCode }), regionCode);
    if (!draft.text) return refuse(answerMessages.refused());
    const verdict = checkEvidence({
      question,
      text: draft.text,
      citations: draft.citations,
      concepts,
      region: named,
      // The calendars are read only when the question names an 'angkatan' year.
      cohorts: /\bangkatan\s+20\d\d\b/i.test(question) ? await knownCohorts() : [],
    });
    if (verdict.kind === 'refuse') return refuse(verdict.message);
    if (verdict.kind === 'not-held') return { intent, answer: `${draft.text}\n\n${verdict.hint}`, refused: true, citations: draft.citations };
    return { intent, answer: draft.text, refused: false, citations: draft.citations.length ? draft.citations : [citationOf(top)] };
  }

  /**
   * A comparison ('F-03 sama F-04 bedanya apa', 'program inovasi vs quick win') is answered for
   * both sides. A side the documents define under its own heading (a glossary entry, a section
   * titled with it) gets that definition; another side gets its own best passage when no quoted
   * section is about it.
   */
  async function withBothSides(question: string, draft: { text: string; citations: Citation[] }, regionCode: string | null) {
    const sides = comparisonSides(question);
    if (!sides || !draft.text) return draft;
    let { text, citations } = draft;
    // What a quoted section is about: its own heading.
    const about = (c: Citation) => new Set(terms(c.heading.split(' > ').at(-1) ?? ''));
    const subjects = citations.map(about);
    for (const side of sides) {
      const wanted = terms(side);
      const defined = await sectionsTitled(db, side, 1);
      if (defined.length === 0 && subjects.some((s) => wanted.every((t) => s.has(t)))) continue;
      const [hits, concepts] = await Promise.all([
        defined.length > 0 ? defined : search({ db, embedder: deps.embedder }, side, { k: 4, regionCode }),
        weightedConcepts(db, side),
      ]);
      const part = extractiveAnswer(side, hits, concepts, { maxChars: 350, alsoRunnerUp: false });
      if (!part.text || citations.some((c) => part.citations.some((p) => p.document === c.document && p.heading === c.heading))) continue;
      text = `${text}\n\n${part.text}`;
      citations = [...citations, ...part.citations];
      subjects.push(...part.citations.map(about));
    }
    return { text, citations };
  }

  return {
    async ask(input: AskInput): Promise<Answer> {
      const started = performance.now();
      const at = input.now ?? now();
      const question = input.question.trim();
      const [ordinals, names] = await Promise.all([stageOrdinals(), regionNames(db)]);
      const stages = detectStages(question, ordinals);
      const stageId = stages[0] ?? null;
      const regions = detectRegions(question, names);
      const region = regions[0] ?? null;
      const regionCode = region?.code ?? input.regionCode ?? null;
      const { intent, thanks, stageStatus } = classify(question, stageId !== null);
      const namedItems = intent === 'rule' || intent === 'checklist' ? await checklistItemsById(db, detectItemIds(question).slice(0, MAX_NAMED), regionCode) : [];
      let draft: Draft | null = null;
      if (intent === 'greeting') draft = { intent, answer: thanks ? answerMessages.thanks : answerMessages.greeting, refused: false, citations: [] };
      else if (namedItems.length > 0) draft = await answerChecklistItems(namedItems, regionCode);
      else if (stageStatus) draft = await answerStageStatus(regionCode, at);
      else if (intent === 'deadline' && (await mentionsKnownCohortOrNone(question)))
        draft = await answerDeadline(question, {
          stages,
          regions,
          chatRegion: input.regionCode ?? null,
          at,
          zones: detectZones(question),
          offset: detectDayOffset(question),
          years: detectYears(question),
          nextBimtek: /\b(bimtek|bimbingan teknis)\s+(berikut|selanjut)/i.test(question),
        });
      else if (intent === 'checklist') draft = await answerChecklist(question, regionCode, stageId);
      // A deadline question about a region outside the calendars may be answered by a document
      // about it (a news article on its MoU); otherwise the calendar path says it has no cohort.
      if (draft?.intent === 'deadline' && region && !region.inProgramme) {
        const text = await answerFromText(question, 'rule', regionCode, region);
        if (!text.refused) draft = text;
      }
      const dates: Draft | null = draft;
      if (dates?.intent === 'deadline' && !dates.refused && asksRuleToo(question)) {
        // The dates, then what the documents say about the rest of the question.
        const rule = await answerFromText(question, 'rule', regionCode, region);
        if (!rule.refused) draft = { ...dates, answer: `${dates.answer}\n\n${answerMessages.relatedRule}\n${rule.answer}`, citations: [...dates.citations, ...rule.citations] };
      }
      draft ??= await answerFromText(question, intent, regionCode, region);
      const latency = Math.round(performance.now() - started);
      let questionId: number | null = null;
      if (input.record !== false) try {
        const [row] = await db.query<{ id: number }>(
          `INSERT INTO questions (platform, chat_id, user_id, region_code, question, intent, refused, answer, citations, latency_ms, asked_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11) RETURNING id`,
          [input.platform, input.chatId ?? null, input.userId ?? null, regionCode, question, draft.intent, draft.refused, draft.answer, JSON.stringify(draft.citations), latency, at],
        );
        questionId = row?.id ?? null;
      } catch (err) {
        log.warn({ err }, 'question not logged');
      }
      log.info({ intent: draft.intent, refused: draft.refused, citations: draft.citations.length, ms: latency, platform: input.platform }, 'answered');
      const answer: Answer = { question, intent: draft.intent, answer: draft.answer, refused: draft.refused, citations: draft.citations, questionId, understood: draft.understood };
      deps.onAnswered?.(answer, latency, input.platform);
      return answer;
    },
    async feedback(questionId, vote, by) {
      await db.query('UPDATE questions SET feedback = $2, feedback_by = $3, feedback_at = now() WHERE id = $1', [questionId, vote, by]);
    },
  };
}
