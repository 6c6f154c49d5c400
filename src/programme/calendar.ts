import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { PanduError } from '../errors.ts';
import { programmeFileMessages as m } from '../messages/programme.ts';
import { isValidDate } from './dates.ts';

const date = z.string().refine(isValidDate, m.badDate);
const regionCode = z.string().regex(/^\d{2}\.\d{2}$/, m.badRegionCode);
const stageId = z.string().regex(/^[a-z0-9-]+$/, m.badStageId);

const schema = z
  .object({
    kind: z.literal('kalender'),
    cohort: z.number().int().min(2017).max(2100),
    title: z.string().min(1),
    note: z.string().optional(),
    timezone: z.string().optional(),
    regions: z.array(z.object({ code: regionCode, name: z.string().optional() })).min(1),
    stages: z
      .array(
        z.object({
          id: stageId,
          name: z.string().min(1),
          start: date.optional(),
          due: date,
          description: z.string().optional(),
          events: z.array(z.object({ date, title: z.string().min(1) })).optional(),
        }),
      )
      .min(1),
    overrides: z
      .array(z.object({ region: regionCode, stage: stageId, due: date, reason: z.string().optional() }))
      .optional(),
    completed: z.array(z.object({ region: regionCode, stages: z.array(stageId) })).optional(),
  })
  .strict();

export type Calendar = z.infer<typeof schema>;

export interface CalendarIssue {
  readonly line: number;
  readonly reason: string;
}

/**
 * Parses and validates a cohort calendar. Throws CALENDAR_INVALID with the line and
 * reason of every problem; nothing is loaded from a calendar with any problem.
 */
export function parseCalendar(text: string): Calendar {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  if (doc.errors.length > 0) {
    throw new PanduError('CALENDAR_INVALID', {
      issues: doc.errors.map((e) => ({ line: lineAt(e.pos[0]), reason: e.message.split('\n')[0] ?? e.message })),
    });
  }
  const data = doc.toJS() as unknown;
  const issues: CalendarIssue[] = [];
  const nodeLine = (path: readonly PropertyKey[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineAt(node.range[0]);
    }
    return 1;
  };
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      issues.push({ line: nodeLine(i.path), reason: m.atPath(i.path.join('.'), i.message) });
    }
    throw new PanduError('CALENDAR_INVALID', { issues });
  }
  const cal = parsed.data;
  const stageIds = new Set<string>();
  cal.stages.forEach((s, i) => {
    if (stageIds.has(s.id)) issues.push({ line: nodeLine(['stages', i, 'id']), reason: m.stageTwice(s.id) });
    stageIds.add(s.id);
    if (s.start && s.start > s.due) {
      issues.push({ line: nodeLine(['stages', i, 'start']), reason: m.startAfterDue(s.id) });
    }
  });
  const regionCodes = new Set(cal.regions.map((r) => r.code));
  cal.overrides?.forEach((o, i) => {
    if (!stageIds.has(o.stage)) issues.push({ line: nodeLine(['overrides', i, 'stage']), reason: m.stageUnknown(o.stage) });
    if (!regionCodes.has(o.region)) {
      issues.push({ line: nodeLine(['overrides', i, 'region']), reason: m.notInCohort(o.region, cal.cohort) });
    }
  });
  cal.completed?.forEach((c, i) => {
    if (!regionCodes.has(c.region)) {
      issues.push({ line: nodeLine(['completed', i, 'region']), reason: m.notInCohort(c.region, cal.cohort) });
    }
    c.stages.forEach((s, j) => {
      if (!stageIds.has(s)) issues.push({ line: nodeLine(['completed', i, 'stages', j]), reason: m.stageUnknown(s) });
    });
  });
  if (issues.length > 0) throw new PanduError('CALENDAR_INVALID', { issues });
  return cal;
}
