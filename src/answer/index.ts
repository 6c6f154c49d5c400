export type { Answer, AnswerService, AskInput, Citation, Intent, Platform } from './types.ts';
export { MAX_QUESTION_LENGTH } from './types.ts';
