/** Conversation memory and follow-up questions: the last turns of each chat, so 'dan tahap berikutnya?' is read as a whole question. */
export {
  createConversationalAnswerService,
  DEFAULT_MAX_TURNS,
  DEFAULT_SILENCE_MS,
  type ConversationalAnswer,
  type ConversationalAnswerService,
  type ConversationDeps,
} from './service.ts';
export { resolveFollowUp, type Context as FollowUpContext, type Resolution } from './resolve.ts';
export { findEntities, describe as describeEntities, type Entities, type Entity, type EntityKind, type Vocabulary } from './entities.ts';
export { createOpenAiRewriter, type FollowUpRewriter } from './rewriter.ts';
export { forgetSession, forgetUser, linkMessages, linkedSession, recentTurns, type Turn } from './store.ts';
