export type { OutgoingMessage, ReminderDeps, SendResult, Sender } from './sender.ts';
export {
  planReminders,
  slotOffsets,
  DEFAULT_POLICY,
  type PlannedReminder,
  type PlanInput,
  type ReminderChat,
  type ReminderPlatform,
  type ReminderPolicy,
  type ReminderPause,
} from './planner.ts';
export { PAUSE_DAYS, loadPauses, chatPauses, pauseReminders, resumeReminders, runningPauses, type ChatPause } from './pauses.ts';
export { loadReminderChats, planFromDb, planAndEnqueue, type PlanOptions } from './store.ts';
export {
  enqueueReminders,
  collapseMissed,
  claimDue,
  outboxRows,
  reminderProblems,
  type ClaimedRow,
  type EnqueueResult,
  type OutboxRow,
  type OutboxStatus,
  type ReminderProblem,
} from './outbox.ts';
export { listOutbox, outboxCounts, retryFailed, type OutboxFilter, type OutboxListRow, type RetryResult } from './review.ts';
export {
  createDispatcher,
  PROCESS_CLAIMER,
  defaultBackoffMs,
  type Dispatcher,
  type DispatcherOptions,
  type DispatchSummary,
} from './dispatcher.ts';
export {
  createReminderService,
  startReminderScheduler,
  type CycleResult,
  type ReminderScheduler,
  type ReminderService,
  type ReminderServiceOptions,
} from './scheduler.ts';
// Platform senders live with their adapters (src/bots/telegram, src/bots/slack); the
// core only knows the Sender port.
