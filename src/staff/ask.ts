import { loadVocabulary } from '../answer/vocabulary.ts';
import type { Queryable } from '../db/index.ts';
import { answerStaffQuery, type StaffAnswer, type StaffAnswerDeps } from './answer.ts';
import { readStaffQuestion } from './detect.ts';

/** Reads a question and, when it asks about the programme's state, answers it from the database; else null. */
export async function askStaff(
  deps: { readonly db: Queryable; readonly now: Date; readonly timezone: string; readonly regionStatus: StaffAnswerDeps['regionStatus'] },
  question: string,
): Promise<StaffAnswer | null> {
  const vocabulary = await loadVocabulary(deps.db);
  const provinces = (await deps.db.query<{ province: string }>('SELECT DISTINCT province FROM regions')).map((r) => r.province);
  const query = readStaffQuestion(question, vocabulary, provinces);
  if (!query) return null;
  return answerStaffQuery({ ...deps, vocabulary }, query);
}
