import { csvDocument, type CsvValue } from '../csv.ts';
import type { Queryable } from '../db/index.ts';
import { gatherDigest, type DeliveryProblem } from '../digest/index.ts';
import { digestMessages, staffMessages as m } from '../messages/index.ts';
import { allRegionDeadlines, localDate } from '../programme/index.ts';
import type { RegionName, Vocabulary } from '../answer/vocabulary.ts';
import type { StaffFilter, StaffQuery } from './detect.ts';

/** Lines listed in the message; the full list goes into a CSV file beside it. */
export const MAX_LISTED = 15;
/** Days of reminder deliveries a "this week" question looks back on. */
const WINDOW_DAYS = 7;

export interface StaffAnswer {
  readonly kind: StaffQuery['kind'];
  /** Counts first, then at most MAX_LISTED names (mrkdwn bold for the count line). */
  readonly text: string;
  /** How many rows the answer counts (regions, or failed deliveries). */
  readonly count: number;
  /** The rows listed, in order (region names, or chats). */
  readonly names: readonly string[];
  /** Every row, when the list was cut. */
  readonly csv: { readonly filename: string; readonly content: string } | null;
}

export interface StaffAnswerDeps {
  readonly db: Queryable;
  readonly now: Date;
  readonly timezone: string;
  readonly vocabulary: Vocabulary;
  /** A region's status as the adapter shows it (Slack: the `/pandu status` reply). */
  readonly regionStatus: (region: RegionName) => Promise<string>;
}

interface Row {
  readonly name: string;
  readonly line: string;
  readonly csv: readonly CsvValue[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'id');

function listed(kind: StaffQuery['kind'], header: string, rows: readonly Row[], csvHeader: readonly string[], date: string): StaffAnswer {
  const shown = rows.slice(0, MAX_LISTED);
  const filename = `pandu-${kind}-${date}.csv`;
  const cut = rows.length > shown.length;
  const lines = [header, ...shown.map((r) => r.line), ...(cut ? [m.more(rows.length - shown.length, filename)] : [])];
  return {
    kind,
    text: lines.join('\n'),
    count: rows.length,
    names: rows.map((r) => r.name),
    csv: cut ? { filename, content: csvDocument(csvHeader, rows.map((r) => r.csv)) } : null,
  };
}

const matches = (f: StaffFilter, r: { cohort: number; province: string; stageId?: string }) =>
  (f.cohort === null || r.cohort === f.cohort) && (f.province === null || r.province === f.province) && (f.stageId === null || r.stageId === undefined || r.stageId === f.stageId);

async function provinces(db: Queryable): Promise<Map<string, string>> {
  const rows = await db.query<{ code: string; province: string }>('SELECT code, province FROM regions WHERE cohort IS NOT NULL');
  return new Map(rows.map((r) => [r.code, r.province]));
}

async function finished(deps: StaffAnswerDeps, q: Extract<StaffQuery, { kind: 'finished' }>, date: string): Promise<StaffAnswer> {
  const province = await provinces(deps.db);
  const rows = (await allRegionDeadlines(deps.db))
    .filter((d) => d.stageId === q.stageId)
    .map((d) => ({ ...d, province: province.get(d.regionCode) ?? '' }))
    .filter((d) => matches(q.filter, d));
  const done = rows.filter((d) => d.completed).length;
  const stageName = deps.vocabulary.stageNames.get(q.stageId) ?? rows[0]?.stageName ?? q.stageId;
  const header = m.finishedHeader({ done, total: rows.length, negated: q.negated, stageName, cohort: q.filter.cohort, province: q.filter.province });
  const listedRows = rows
    .filter((d) => d.completed !== q.negated)
    .map((d) => ({ name: d.regionName, code: d.regionCode, province: d.province, cohort: d.cohort, dueOn: d.dueOn, completed: d.completed }))
    .sort(byName)
    .map((r) => ({ name: r.name, line: m.finishedLine(r), csv: [r.code, r.name, r.province, r.cohort, stageName, r.dueOn, r.completed ? 'ya' : 'tidak'] }));
  const answer = listed('finished', header, listedRows, m.csvHeader.finished, date);
  return { ...answer, count: q.negated ? rows.length - done : done };
}

function problemRow(p: DeliveryProblem): Row {
  const base = { platform: p.platform, chat: p.chatTitle ?? p.chatId, regionName: p.regionName ?? digestMessages.unknownRegion, reason: p.reason ?? digestMessages.unknownReason };
  const line = p.kind === 'failed'
    ? digestMessages.deliveryFailed({ ...base, stageName: p.stageName ?? '', dueOn: p.dueOn ?? p.at.toISOString() })
    : digestMessages.deliveryDeactivated(base);
  return { name: base.regionName, line, csv: [m.failedKind(p.kind), p.platform, base.chat, base.regionName, p.stageName, p.dueOn, p.at.toISOString(), base.reason] };
}

/** Answers a staff question from the database, at `now`. */
export async function answerStaffQuery(deps: StaffAnswerDeps, q: StaffQuery): Promise<StaffAnswer> {
  const date = localDate(deps.now, deps.timezone);
  if (q.kind === 'region-status') {
    return { kind: q.kind, text: await deps.regionStatus(q.region), count: 1, names: [q.region.name], csv: null };
  }
  if (q.kind === 'finished') return finished(deps, q, date);
  const data = await gatherDigest(deps.db, { now: deps.now, timezone: deps.timezone, windowDays: WINDOW_DAYS });
  if (q.kind === 'overdue') {
    const rows = data.overdue
      .filter((o) => matches(q.filter, o))
      .sort((a, b) => byName(a, b) || a.cohort - b.cohort)
      .map((o) => ({ name: o.name, line: m.overdueLine(o), csv: [o.code, o.name, o.province, o.cohort, o.stageName, o.dueOn, o.daysOverdue] }));
    const stageName = q.filter.stageId ? (deps.vocabulary.stageNames.get(q.filter.stageId) ?? q.filter.stageId) : null;
    const header = m.overdueHeader({ count: rows.length, stageName, cohort: q.filter.cohort, province: q.filter.province, date });
    return listed('overdue', header, rows, m.csvHeader.overdue, date);
  }
  if (q.kind === 'unbound') {
    const rows = data.unbound
      .filter((u) => matches({ ...q.filter, stageId: null }, u))
      .sort(byName)
      .map((u) => ({ name: u.name, line: m.unboundLine(u), csv: [u.code, u.name, u.province, u.cohort] }));
    return listed('unbound', m.unboundHeader({ count: rows.length, cohort: q.filter.cohort, province: q.filter.province }), rows, m.csvHeader.unbound, date);
  }
  const failed = data.problems.filter((p) => p.kind === 'failed').length;
  const header = m.failedHeader({ failed, deactivated: data.problems.length - failed, days: WINDOW_DAYS });
  return { ...listed('failed-reminders', header, data.problems.map(problemRow), m.csvHeader.failed, date), count: failed };
}
