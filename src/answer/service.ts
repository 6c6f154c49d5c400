import type { Db } from '../db/index.ts';
import type { Logger } from '../log.ts';
import { answerMessages, formatDate, refusalMessages } from '../messages/index.ts';
import { currentStage, daysLeft, regionDeadlines, stageChecklist } from '../programme/index.ts';
import { regionByCode } from '../regions/index.ts';
import type { Embedder } from '../retrieval/embedder.ts';
import { sentences, terms } from '../retrieval/text.ts';
import { search, weightedConcepts, type SearchHit, type WeightedConcept } from '../retrieval/search.ts';
import { detectRegion, detectStage, regionNames, type RegionName } from './entities.ts';
import { citationOf, extractiveAnswer, snippet } from './extractive.ts';
import type { Generator } from './generate.ts';
import { classify, isProgrammeQuestion } from './intent.ts';
import { expectedSlot } from './slots.ts';
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

const NOT_HELD = /\b(tidak|belum) (dimuat|dipublikasikan|diumumkan|tersedia untuk umum)\b|\bpandu tidak memuat\b/i;

/** A sentence of the answer says the documents do not hold what the question's rarest terms ask about. */
function statesNotHeld(answer: string, concepts: readonly WeightedConcept[]): boolean {
  const focus = [...concepts].sort((a, b) => b.weight - a.weight).slice(0, 2);
  return sentences(answer).some((s) => {
    if (!NOT_HELD.test(s)) return false;
    const present = new Set(terms(s));
    return focus.some((c) => c.forms.some((f) => f.every((t) => present.has(t))));
  });
}

export function createAnswerService(deps: AnswerServiceDeps): AnswerService {
  const { db, logger } = deps;
  const log = logger.child({ module: 'answer' });
  const now = deps.now ?? (() => new Date());
  const minCoverage = deps.minCoverage ?? DEFAULT_MIN_COVERAGE;

  /** A question about another year ('angkatan 2024') is not about the calendars we hold. */
  async function mentionsKnownCohortOrNone(question: string): Promise<boolean> {
    const years = [...question.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1]));
    if (years.length === 0) return true;
    const cohorts = await db.query<{ cohort: number }>('SELECT DISTINCT cohort FROM deadlines WHERE cohort = ANY($1::int[])', [years]);
    return cohorts.length > 0;
  }

  /** 'angkatan 2029' when the calendars hold other cohorts: what was asked and what is known. */
  async function unknownCohorts(question: string): Promise<{ asked: number[]; known: number[] } | null> {
    const asked = [...question.matchAll(/\bangkatan\s+(20\d\d)\b/gi)].map((m) => Number(m[1]));
    if (asked.length === 0) return null;
    const known = (await db.query<{ cohort: number }>('SELECT DISTINCT cohort FROM deadlines ORDER BY cohort')).map((r) => r.cohort);
    const missing = asked.filter((y) => !known.includes(y));
    return missing.length > 0 && known.length > 0 ? { asked: missing, known } : null;
  }

  async function stageOrdinals(): Promise<Map<number, string>> {
    const rows = await db.query<{ id: string; ordinal: number }>('SELECT id, ordinal FROM stages');
    return new Map(rows.map((r) => [r.ordinal, r.id]));
  }

  async function answerDeadline(question: string, region: RegionName | null, regionCode: string | null, stageId: string | null, at: Date): Promise<Draft | null> {
    const code = region?.code ?? regionCode;
    if (code) {
      const r = await regionByCode(db, code);
      if (!r) return null;
      if (r.cohort === null) return { intent: 'deadline', answer: answerMessages.noCohort(r.name), refused: false, citations: [] };
      const all = await regionDeadlines(db, code);
      if (all.length === 0) return { intent: 'deadline', answer: answerMessages.noCohort(r.name), refused: false, citations: [] };
      const line = (d: (typeof all)[number]) => answerMessages.deadlineLine({ ...d, daysLeft: daysLeft(d, at) });
      const cite = await kalenderCitation(db, r.cohort);
      if (stageId) {
        const d = all.find((x) => x.stageId === stageId);
        if (!d) return null;
        const citation = cite && { ...cite, heading: `Jadwal dan tenggat tahapan > ${d.stageName}`, snippet: snippet(line(d)) };
        return {
          intent: 'deadline',
          answer: `${answerMessages.deadlineHeader(r.name, r.cohort)}\n${line(d)}`,
          refused: false,
          citations: citation ? [citation] : [],
        };
      }
      const open = all.filter((d) => !d.completed);
      if (open.length === 0) return { intent: 'deadline', answer: answerMessages.deadlineAllDone(r.name), refused: false, citations: cite ? [cite] : [] };
      const next = open.slice(0, 3);
      return {
        intent: 'deadline',
        answer: `${answerMessages.deadlineUpcomingHeader(r.name, r.cohort)}\n${next.map(line).join('\n')}`,
        refused: false,
        citations: cite ? [{ ...cite, snippet: snippet(next.map(line).join(' ')) }] : [],
      };
    }
    if (stageId) {
      const rows = await db.query<{ cohort: number; due_on: string; name: string; source: string }>(
        `SELECT d.cohort, d.due_on, s.name, d.source FROM deadlines d JOIN stages s ON s.id = d.stage_id
          WHERE d.stage_id = $1 AND d.region_code IS NULL ORDER BY d.cohort`,
        [stageId],
      );
      if (rows.length === 0) return null;
      const lines = rows.map((x) => answerMessages.deadlineCohortLine(x.cohort, x.due_on));
      const citations: Citation[] = [];
      for (const x of rows) {
        const c = await kalenderCitation(db, x.cohort, x.name);
        if (c) citations.push({ ...c, snippet: snippet(`${x.name}: ${formatDate(x.due_on)}`) });
      }
      return {
        intent: 'deadline',
        answer: `${answerMessages.deadlineCohortHeader(rows[0]!.name)}\n${lines.join('\n')}\n${answerMessages.deadlineCohortNote}\n${answerMessages.noRegion}`,
        refused: false,
        citations,
      };
    }
    return null;
  }

  async function answerChecklist(regionCode: string | null, stageId: string | null): Promise<Draft | null> {
    let stage = stageId;
    let regionName: string | undefined;
    if (regionCode) {
      regionName = (await regionByCode(db, regionCode))?.name;
      if (!stage) stage = currentStage(await regionDeadlines(db, regionCode))?.stageId ?? null;
    }
    if (!stage) return null;
    const cl = await stageChecklist(db, regionCode ?? '', stage);
    if (!cl || cl.total === 0) return null;
    const items = cl.items.map((i) => answerMessages.checklistItem({ ...i, showDone: !!regionCode }));
    const [doc] = await db.query<{ path: string; title: string }>(
      `SELECT d.path, d.title FROM documents d WHERE d.kind = 'checklist' AND d.path LIKE $1 LIMIT 1`,
      [`%${stage}%`],
    );
    return {
      intent: 'checklist',
      answer: `${answerMessages.checklistHeader(cl.stageName, cl.done, cl.total, regionName)}\n${items.join('\n')}\n${answerMessages.checklistHowTo}`,
      refused: false,
      citations: doc ? [{ document: doc.path, title: doc.title, heading: cl.stageName, page: null, snippet: snippet(cl.items.map((i) => `${i.id} ${i.title}`).join('; ')), score: 1 }] : [],
    };
  }

  async function answerFromText(question: string, intent: Intent, regionCode: string | null, named: RegionName | null): Promise<Draft> {
    const refuse = (answer: string): Draft => ({ intent, answer, refused: true, citations: [] });
    // A region the question names that Pandu holds nothing about: any passage would be about another region.
    if (named && !named.inProgramme) return refuse(refusalMessages.regionNotCovered(named.name));
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
    draft ??= extractiveAnswer(question, hits, concepts);
    if (!draft.text) return refuse(answerMessages.refused());
    // The evidence must hold what the question pins down: the kind of value it asks for
    // (a web address, a phone number, an amount…) and the years it names.
    const evidence = [draft.text, ...draft.citations.map((c) => `${c.title} ${c.heading} ${c.snippet}`)].join(' ');
    const slot = expectedSlot(question);
    if (slot?.strict && !slot.test(evidence)) return refuse(refusalMessages.missingValue(slot.kind));
    const cohorts = await unknownCohorts(question);
    const uncited = cohorts?.asked.filter((y) => !new RegExp(`angkatan\\s+${y}`, 'i').test(evidence)) ?? [];
    if (cohorts && uncited.length > 0) return refuse(refusalMessages.cohortNotCovered(uncited, cohorts.known));
    const years = [...new Set(question.match(/\b(?:19|20)\d\d\b/g) ?? [])].filter((y) => !evidence.includes(y));
    if (years.length > 0) return refuse(refusalMessages.yearNotCovered(years));
    // The documents themselves may say the thing is not published: quote them, count it as a refusal.
    if (statesNotHeld(draft.text, concepts))
      return { intent, answer: `${draft.text}\n\n${refusalMessages.notHeldHint}`, refused: true, citations: draft.citations };
    return { intent, answer: draft.text, refused: false, citations: draft.citations.length ? draft.citations : [citationOf(top)] };
  }

  return {
    async ask(input: AskInput): Promise<Answer> {
      const started = performance.now();
      const at = input.now ?? now();
      const question = input.question.trim();
      const [ordinals, names] = await Promise.all([stageOrdinals(), regionNames(db)]);
      const stageId = detectStage(question, ordinals);
      const region = detectRegion(question, names);
      const regionCode = region?.code ?? input.regionCode ?? null;
      const { intent, thanks } = classify(question, stageId !== null);
      let draft: Draft | null = null;
      if (intent === 'greeting') draft = { intent, answer: thanks ? answerMessages.thanks : answerMessages.greeting, refused: false, citations: [] };
      else if (intent === 'deadline' && (await mentionsKnownCohortOrNone(question)))
        draft = await answerDeadline(question, region, input.regionCode ?? null, stageId, at);
      else if (intent === 'checklist') draft = await answerChecklist(regionCode, stageId);
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
