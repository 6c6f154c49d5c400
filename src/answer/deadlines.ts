import type { Queryable } from '../db/index.ts';
import { answerMessages, formatDate, zoneAbbr } from '../messages/index.ts';
import {
  activitySpans,
  addDays,
  calendarDocument,
  cohortDueDates,
  cohortYears,
  convertClock,
  daysLeft,
  localDate,
  regionDeadlines,
  stageDeadlinesByCohort,
  stageEvents,
  ZONES,
  type ActivitySpan,
  type RegionDeadline,
} from '../programme/index.ts';
import { regionByCode } from '../regions/index.ts';
import { addCitation, type Draft } from './draft.ts';
import { detectClock, type ZoneName } from './entities.ts';
import { snippet } from './citations.ts';
import type { Citation } from './types.ts';
import type { RegionName } from './vocabulary.ts';

/** What a deadline question asks beyond the due date: activity dates, a reminder day, other zones. */
export interface DeadlineAsk {
  readonly question: string;
  readonly stages: readonly string[];
  readonly regions: readonly RegionName[];
  readonly chatRegion: string | null;
  readonly at: Date;
  readonly zones: readonly ZoneName[];
  readonly offset: number | null;
  readonly years: readonly number[];
  /** 'bimtek berikutnya': only Bimtek stages count as next. */
  readonly nextBimtek?: boolean;
  /** Where the question came from: only Telegram replies carry Telegram instructions. */
  readonly platform: string;
}

/** The calendar a cohort's dates come from, cited under its schedule section (or a stage of it). */
export async function calendarCitation(db: Queryable, cohort: number, stageName?: string): Promise<Citation | null> {
  const doc = await calendarDocument(db, cohort);
  if (!doc) return null;
  return { document: doc.path, title: doc.title, heading: answerMessages.calendarSection(stageName), page: null, snippet: '', score: 1 };
}

/** A question about another year ('angkatan 2024') is not about the calendars we hold. */
export async function mentionsKnownCohortOrNone(db: Queryable, years: readonly number[]): Promise<boolean> {
  if (years.length === 0) return true;
  return (await cohortYears(db)).some((c) => years.includes(c));
}

/** Activity spans per stage of a cohort, without the event that only repeats the due date. */
async function activities(db: Queryable, cohort: number, stageIds: readonly string[]): Promise<Map<string, ActivitySpan[]>> {
  const [events, dueOf] = await Promise.all([stageEvents(db, cohort, stageIds), cohortDueDates(db, cohort)]);
  const out = new Map<string, ActivitySpan[]>();
  for (const id of stageIds) {
    const spans = activitySpans(events.filter((e) => e.stageId === id)).filter((s) => !(s.from === s.to && s.from === dueOf.get(id)));
    out.set(id, spans);
  }
  return out;
}

/** A deadline line with what was asked about it: other zones, activity dates, the H-n reminder day. */
function deadlineBlock(d: RegionDeadline, ask: DeadlineAsk, spans: readonly ActivitySpan[], onlyFuture: boolean): string[] {
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
async function regionDeadlineBlock(db: Queryable, code: string, ask: DeadlineAsk): Promise<{ text: string; citation: Citation | null; noCohort?: boolean } | null> {
  const r = await regionByCode(db, code);
  if (!r) return null;
  const all = r.cohort === null ? [] : await regionDeadlines(db, code);
  if (r.cohort === null || all.length === 0) return { text: answerMessages.noCohort(r.name), citation: null, noCohort: true };
  const cite = await calendarCitation(db, r.cohort);
  if (ask.stages.length > 0) {
    const picked = ask.stages.map((s) => all.find((x) => x.stageId === s)).filter((x): x is RegionDeadline => x !== undefined);
    if (picked.length === 0) return null;
    const spans = await activities(db, r.cohort, picked.map((d) => d.stageId));
    const lines = picked.flatMap((d) => deadlineBlock(d, ask, spans.get(d.stageId) ?? [], false));
    const heading = picked.map((d) => d.stageName).join('; ');
    return {
      text: `${answerMessages.deadlineHeader(r.name, r.cohort)}\n${lines.join('\n')}`,
      citation: cite && { ...cite, heading: answerMessages.calendarSection(heading), snippet: snippet(lines.join(' ')) },
    };
  }
  const open = all.filter((d) => !d.completed);
  if (open.length === 0) return { text: answerMessages.deadlineAllDone(r.name), citation: cite };
  const bimtek = ask.nextBimtek ? open.filter((d) => d.stageId.startsWith('bimtek')) : [];
  const next = bimtek.length > 0 ? bimtek.slice(0, 1) : open.slice(0, 3);
  const spans = await activities(db, r.cohort, next.map((d) => d.stageId));
  const lines = next.flatMap((d) => deadlineBlock(d, ask, spans.get(d.stageId) ?? [], true));
  return {
    text: `${answerMessages.deadlineUpcomingHeader(r.name, r.cohort)}\n${lines.join('\n')}`,
    citation: cite && { ...cite, snippet: snippet(lines.join(' ')) },
  };
}

/** 'jam 23.59 WIT itu jam berapa WIB?' → '23.59 WIT = 21.59 WIB', into the other zones named or the region's. */
async function clockConversion(db: Queryable, ask: DeadlineAsk): Promise<string | null> {
  const clock = detectClock(ask.question);
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

/** The regions a deadline question is answered for: those it names, else the chat's own (unless it asks about another cohort). */
async function regionTargets(db: Queryable, ask: DeadlineAsk): Promise<string[]> {
  if (ask.regions.length > 0) return ask.regions.map((r) => r.code);
  if (!ask.chatRegion) return [];
  if (ask.years.length > 0) {
    const r = await regionByCode(db, ask.chatRegion);
    const known = (await cohortYears(db)).filter((c) => ask.years.includes(c));
    // 'presentasi angkatan 2027 kapan?' from a 2026 region asks about the other cohort.
    if (r?.cohort != null && known.length > 0 && !known.includes(r.cohort)) return [];
  }
  return [ask.chatRegion];
}

/** A stage's due date in each cohort (or the cohorts asked), for a question about no region. */
async function cohortBlocks(db: Queryable, ask: DeadlineAsk, citations: Citation[]): Promise<string[]> {
  const blocks: string[] = [];
  for (const stageId of ask.stages) {
    const rows = await stageDeadlinesByCohort(db, stageId);
    const asked = rows.filter((x) => ask.years.includes(x.cohort));
    const shown = asked.length > 0 ? asked : rows;
    if (shown.length === 0) continue;
    const lines: string[] = [];
    for (const x of shown) {
      lines.push(answerMessages.deadlineCohortLine(x.cohort, x.dueOn));
      const spans = (await activities(db, x.cohort, [stageId])).get(stageId) ?? [];
      for (const s of spans) lines.push(answerMessages.activityLine(s));
      if (ask.offset !== null) lines.push(answerMessages.reminderLine(ask.offset, addDays(x.dueOn, -ask.offset), answerMessages.localTime, false));
      const c = await calendarCitation(db, x.cohort, x.stageName);
      if (c) citations.push({ ...c, snippet: snippet(`${x.stageName}: ${formatDate(x.dueOn)}`) });
    }
    blocks.push(`${answerMessages.deadlineCohortHeader(shown[0]!.stageName)}\n${lines.join('\n')}`);
  }
  return blocks;
}

/** Deadlines from the calendars: per region (named, or the chat's), else per cohort for the named stages. */
export async function answerDeadline(db: Queryable, ask: DeadlineAsk): Promise<Draft | null> {
  const clock = await clockConversion(db, ask);
  const lead = clock ? [clock] : [];
  const codes = await regionTargets(db, ask);
  const citations: Citation[] = [];
  if (codes.length > 0) {
    const blocks: string[] = [];
    let dated = 0;
    for (const code of codes) {
      const b = await regionDeadlineBlock(db, code, ask);
      if (!b) continue;
      blocks.push(b.text);
      if (!b.noCohort) dated++;
      addCitation(citations, b.citation);
    }
    if (blocks.length === 0) return null;
    // No region asked about has a cohort: the calendars hold no answer, and the reply says so.
    return { intent: 'deadline', answer: [...lead, ...blocks].join('\n\n'), refused: dated === 0 && !clock, citations };
  }
  if (ask.stages.length === 0) return clock ? { intent: 'deadline', answer: clock, refused: false, citations: [] } : null;
  const blocks = await cohortBlocks(db, ask, citations);
  if (blocks.length === 0) return null;
  return {
    intent: 'deadline',
    answer: [...lead, ...blocks, `${answerMessages.deadlineCohortNote}\n${answerMessages.noRegion(ask.platform)}`].join('\n\n'),
    refused: false,
    citations,
  };
}

/** 'tahap apa saja yang sudah selesai untuk Kab. Sragen?' → completed and open stages of the region. */
export async function answerStageStatus(db: Queryable, code: string | null, at: Date, platform: string): Promise<Draft> {
  if (!code) return { intent: 'deadline', answer: answerMessages.noRegion(platform), refused: false, citations: [] };
  const r = await regionByCode(db, code);
  if (!r || r.cohort === null) return { intent: 'deadline', answer: answerMessages.noCohort(r?.name ?? code), refused: true, citations: [] };
  const all = await regionDeadlines(db, code);
  const done = all.filter((d) => d.completed);
  const open = all.filter((d) => !d.completed).map((d) => answerMessages.deadlineLine({ ...d, daysLeft: daysLeft(d, at) }));
  const parts = [answerMessages.stageStatusHeader(r.name, r.cohort), answerMessages.stageStatusDone(done)];
  if (open.length > 0) parts.push(answerMessages.stageStatusOpen, ...open);
  parts.push(answerMessages.stageStatusNote);
  const cite = await calendarCitation(db, r.cohort);
  return { intent: 'deadline', answer: parts.join('\n'), refused: false, citations: cite ? [{ ...cite, snippet: snippet(parts.slice(1).join(' ')) }] : [] };
}
