import type { Queryable } from '../../db/index.ts';
import { regionChats, type ChatRow } from '../../chats/index.ts';
import { regionDeadlines, stageChecklist, stageCompletions, type RegionDeadline, type StageChecklist, type StageCompletion } from '../../programme/index.ts';
import { regionByCode, type Region } from '../../regions/index.ts';
import { listOutbox, type OutboxListRow } from '../../reminders/index.ts';

/** Everything one region's page shows. */
export interface RegionPage {
  readonly region: Region;
  readonly deadlines: readonly RegionDeadline[];
  readonly completions: ReadonlyMap<string, StageCompletion>;
  readonly checklists: readonly StageChecklist[];
  readonly chats: readonly ChatRow[];
  readonly reminders: readonly OutboxListRow[];
}

const LAST_REMINDERS = 15;

export async function regionPage(db: Queryable, code: string): Promise<RegionPage | null> {
  const region = await regionByCode(db, code);
  if (!region) return null;
  const [deadlines, completions, chats, reminders] = await Promise.all([
    regionDeadlines(db, code),
    stageCompletions(db, code),
    regionChats(db, code),
    listOutbox(db, { regionCode: code }, { limit: LAST_REMINDERS, offset: 0 }),
  ]);
  const checklists: StageChecklist[] = [];
  for (const d of deadlines) {
    const cl = await stageChecklist(db, code, d.stageId);
    if (cl && cl.total > 0) checklists.push(cl);
  }
  return {
    region,
    deadlines,
    completions: new Map(completions.map((c) => [c.stageId, c])),
    checklists,
    chats,
    reminders: reminders.rows,
  };
}
