/**
 * Every user-facing text of Pandu, in Bahasa Indonesia, in one module. Each area
 * keeps its strings in its own file here; code elsewhere passes data and never
 * writes user text itself.
 */
export { messages, formatDate, zoneAbbr, relativeDay } from './core.ts';
export { ingestMessages } from './ingest.ts';
export { answerMessages, refusalMessages, SECRETARIAT, type ClockIn } from './answers.ts';
export { reminderMessage, reminderCli, reminderOutcome, offsetLabel, type ReminderMessageData, type ReminderFormat } from './reminders.ts';
export { slackMessages, digestMessages, digestCli } from './slack.ts';
export { telegramMessages, type DeadlineLineData, type ChecklistItemLine, type StageStatusLine } from './telegram.ts';
export { conversationMessages } from './conversation.ts';
export { consoleMessages, chartMessages, formatDateTime } from './console.ts';
export { consolePages } from './console-pages.ts';
export { staffMessages } from './staff.ts';
export { digestChartMessages } from './digest-chart.ts';
export { slackDocumentMessages } from './slack-documents.ts';
export { cliHelp } from './cli-help.ts';
export { programmeFileMessages } from './programme.ts';
