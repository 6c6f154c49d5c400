import type { Queryable } from '../db/index.ts';
import { PanduError } from '../errors.ts';
import { formatDate, ingestMessages, programmeFileMessages } from '../messages/index.ts';
import { loadCalendar, loadChecklist, parseCalendar, parseChecklist, type Calendar } from '../programme/index.ts';
import type { Block, LoadedDoc } from './blocks.ts';
import { loadRefused } from './errors.ts';
import { parseMarkdown } from './markdown.ts';

/** A calendar or checklist: its text for search, and the rows it writes in the same transaction. */
export interface SpecialDoc {
  readonly doc: LoadedDoc;
  readonly special: 'kalender' | 'checklist';
  readonly inTransaction: (tx: Queryable) => Promise<void>;
}

function issuesText(err: PanduError<'CALENDAR_INVALID' | 'CHECKLIST_INVALID'>): string {
  return err.details.issues.map((i) => programmeFileMessages.atLine(i.line, i.reason)).join('; ');
}

async function calendarBlocks(db: Queryable, cal: Calendar): Promise<Block[]> {
  const names = new Map(
    (await db.query<{ code: string; name: string }>('SELECT code, name FROM regions WHERE code = ANY($1::text[])', [
      cal.regions.map((r) => r.code),
    ])).map((r) => [r.code, r.name]),
  );
  const stageName = new Map(cal.stages.map((s) => [s.id, s.name]));
  const blocks: Block[] = [];
  const add = (headings: string[], text: string, kind: Block['kind'] = 'para') => blocks.push({ text, headings, page: null, kind });
  const top = [cal.title];
  if (cal.note) add(top, cal.note);
  add([...top, ingestMessages.calendarRegionsHeading], ingestMessages.calendarRegions(cal.cohort, cal.regions.map((r) => `${names.get(r.code) ?? r.name ?? r.code} (${r.code})`).join(', ')));
  for (const s of cal.stages) {
    const h = [...top, ingestMessages.calendarStageHeading, s.name];
    add(h, ingestMessages.calendarStage({ cohort: cal.cohort, name: s.name, description: s.description, due: formatDate(s.due), start: s.start && formatDate(s.start) }));
    for (const e of s.events ?? []) add(h, ingestMessages.calendarEvent(formatDate(e.date), e.title), 'list');
  }
  for (const o of cal.overrides ?? []) {
    add([...top, ingestMessages.calendarOverridesHeading], ingestMessages.calendarOverride({ regionName: names.get(o.region) ?? o.region, stageName: stageName.get(o.stage) ?? o.stage, due: formatDate(o.due), reason: o.reason }), 'list');
  }
  for (const c of cal.completed ?? []) {
    add([...top, ingestMessages.calendarRegionsHeading], ingestMessages.calendarCompleted(names.get(c.region) ?? c.region, c.stages.map((s) => stageName.get(s) ?? s).join(', ')), 'list');
  }
  return blocks;
}

/** A cohort calendar (YAML with `kind: kalender`), validated whole. */
export async function prepareCalendar(db: Queryable, path: string, text: string): Promise<SpecialDoc> {
  if (!/^\s*kind:\s*kalender\s*$/m.test(text)) throw loadRefused('unsupported', 'YAML yang bukan kalender (kind: kalender)');
  const invalid = (err: unknown) => {
    if (PanduError.isInstance(err, 'CALENDAR_INVALID')) return loadRefused('calendar_invalid', issuesText(err));
    return err;
  };
  let cal: Calendar;
  try {
    cal = parseCalendar(text);
  } catch (err) {
    throw invalid(err);
  }
  const blocks = await calendarBlocks(db, cal);
  return {
    doc: { title: cal.title, blocks, pageCount: null },
    special: 'kalender',
    inTransaction: async (tx) => {
      try {
        await loadCalendar(tx, cal, path);
      } catch (err) {
        throw invalid(err);
      }
    },
  };
}

/** A stage checklist (Markdown with `kind: checklist` front matter). */
export function prepareChecklist(text: string, body: string): SpecialDoc {
  let cl;
  try {
    cl = parseChecklist(text);
  } catch (err) {
    if (PanduError.isInstance(err, 'CHECKLIST_INVALID')) throw loadRefused('checklist_invalid', issuesText(err));
    throw err;
  }
  const doc = parseMarkdown(body, `Checklist ${cl.stage_name}`);
  return { doc, special: 'checklist', inTransaction: (tx) => loadChecklist(tx, cl) };
}
