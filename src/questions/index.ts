/** The question log: what staff read in the console, retention, and deletion on request. */
export {
  listQuestions,
  questionDetail,
  exportQuestions,
  questionCounts,
  ID_HASH_SQL,
  type QuestionFilter,
  type FeedbackFilter,
  type QuestionRow,
  type QuestionDetail,
  type ExportRow,
  type Passage,
  type QuestionCounts,
} from './log.ts';
export { pruneQuestionTexts, startRetentionJob, type RetentionJob } from './retention.ts';
export { deletePersonData, type DeletionCounts, type PersonPlatform } from './privacy.ts';
