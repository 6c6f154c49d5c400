import type { Queryable } from '../db/index.ts';
import { answerMessages } from '../messages/index.ts';
import {
  checklistDocument,
  checklistItems,
  currentStage,
  regionDeadlines,
  stageChecklist,
  type ChecklistItemInfo,
} from '../programme/index.ts';
import { regionByCode } from '../regions/index.ts';
import type { Draft } from './draft.ts';
import { matchChecklistItem } from './entities.ts';
import { snippet } from './citations.ts';
import type { Citation } from './types.ts';

async function checklistCitation(db: Queryable, stageId: string, heading: string, text: string): Promise<Citation[]> {
  const doc = await checklistDocument(db, stageId);
  return doc ? [{ document: doc.path, title: doc.title, heading, page: null, snippet: snippet(text), score: 1 }] : [];
}

async function regionName(db: Queryable, regionCode: string | null): Promise<string | undefined> {
  return regionCode ? (await regionByCode(db, regionCode))?.name : undefined;
}

/** 'BT3-04 isinya apa', 'MOU-08 wajib ga?': the named items in full, with the region's tick. */
export async function answerChecklistItems(db: Queryable, items: readonly ChecklistItemInfo[], regionCode: string | null): Promise<Draft> {
  const name = await regionName(db, regionCode);
  const citations: Citation[] = [];
  for (const i of items) citations.push(...(await checklistCitation(db, i.stageId, `${i.stageName} > ${i.id} — ${i.title}`, i.description)));
  return { intent: 'checklist', answer: items.map((i) => answerMessages.checklistItemDetail({ ...i, regionName: name })).join('\n\n'), refused: false, citations };
}

/**
 * A stage's checklist (the one named, else the region's current stage) with the region's
 * progress; an item the question names by its title words is shown in full first.
 */
export async function answerChecklist(db: Queryable, question: string, regionCode: string | null, stageId: string | null, platform: string): Promise<Draft | null> {
  let stage = stageId;
  const name = await regionName(db, regionCode);
  if (!stage) {
    // An item named by its words ('sidang dewan masuk checklist?') when one matches clearly.
    const best = matchChecklistItem(question, await checklistItems(db, regionCode), 2);
    if (best) return answerChecklistItems(db, [best], regionCode);
    if (regionCode) stage = currentStage(await regionDeadlines(db, regionCode))?.stageId ?? null;
  }
  if (!stage) return null;
  const cl = await stageChecklist(db, regionCode ?? '', stage);
  if (!cl || cl.total === 0) return null;
  const best = stageId ? matchChecklistItem(question, cl.items.map((i) => ({ ...i, stageId: cl.stageId, stageName: cl.stageName }))) : null;
  const lead = best ? [`${answerMessages.checklistBestMatch}\n${answerMessages.checklistItemDetail({ ...best, regionName: name })}`] : [];
  // The item shown in full above is named once in the list, not repeated.
  const items = cl.items.map((i) => (i.id === best?.id ? answerMessages.checklistItemAbove(i.id) : answerMessages.checklistItem({ ...i, showDone: !!regionCode })));
  const optional = cl.items.filter((i) => !i.required).length;
  const howTo = answerMessages.checklistHowTo(platform);
  const list = [answerMessages.checklistHeader(cl.stageName, cl.done, cl.total, name, optional), ...items, ...(howTo ? [howTo] : [])].join('\n');
  return {
    intent: 'checklist',
    answer: [...lead, list].join('\n\n'),
    refused: false,
    citations: await checklistCitation(db, stage, cl.stageName, cl.items.map((i) => `${i.id} ${i.title}`).join('; ')),
  };
}
