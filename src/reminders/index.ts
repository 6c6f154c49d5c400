export type { OutgoingMessage, SendResult, Sender } from './sender.ts';
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
  DEFAULT_PACE,
  PROCESS_CLAIMER,
  defaultBackoffMs,
  type Dispatcher,
  type DispatcherOptions,
  type DispatchSummary,
  type PaceLimits,
} from './dispatcher.ts';
export { createPacer, type Pacer, type PacerOptions } from './pacer.ts';
export {
  createReminderService,
  startReminderScheduler,
  type CycleResult,
  type ReminderScheduler,
  type ReminderService,
  type ReminderServiceOptions,
} from './scheduler.ts';
// Platform senders (grammY) live outside this barrel so the core stays adapter-free:
// import createTelegramSender / reminderSenders from './telegram-sender.ts' / './senders.ts'.
