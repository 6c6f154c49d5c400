import type { App } from '@slack/bolt';
import { MAX_QUESTION_LENGTH } from '../../answer/index.ts';
import { messages, slackMessages } from '../../messages/index.ts';
import { answerBlocks, textBlocks, type SlackReply } from './blocks.ts';
import type { SlackFeatureDeps } from './deps.ts';
import { takeSharedFiles } from './files.ts';
import { staffQuestion, uploadStaffCsv } from './staff.ts';
import { hasJoined, joinThread } from './threads.ts';

type WebClient = App['client'];

export interface IncomingQuestion {
  readonly channel: string;
  readonly user: string | undefined;
  readonly text: string;
  readonly ts: string;
  readonly threadTs: string | undefined;
}

/** '<@U123> kapan tenggat?' → 'kapan tenggat?'. */
export function stripMentions(text: string): string {
  return text.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Claims one Slack message for answering. A mention in a thread Pandu joined arrives twice
 * (as `app_mention` and as `message`, with different event ids): only the first is answered.
 */
async function claimMessage(deps: SlackFeatureDeps, channel: string, ts: string): Promise<boolean> {
  const rows = await deps.db.query('INSERT INTO inbound_seen (source, key) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING key', [
    'slack-message',
    `${channel}:${ts}`,
  ]);
  return rows.length > 0;
}

async function askCore(deps: SlackFeatureDeps, q: IncomingQuestion, question: string, threadTs: string): Promise<SlackReply> {
  const answer = await deps.answers.ask({
    question,
    platform: 'slack',
    chatId: q.channel,
    userId: q.user,
    regionCode: null,
    sessionId: `slack:${q.channel}:${threadTs}`,
    now: deps.now(),
  });
  deps.logger.info({ channel: q.channel, questionId: answer.questionId, intent: answer.intent, refused: answer.refused }, 'slack question answered');
  return answerBlocks(answer);
}

/** Turns a question into one core call and the answer into one reply, in the question's thread. */
export async function answerInThread(deps: SlackFeatureDeps, client: WebClient, q: IncomingQuestion): Promise<void> {
  if (!(await claimMessage(deps, q.channel, q.ts))) return;
  const threadTs = q.threadTs ?? q.ts;
  const question = stripMentions(q.text);
  let reply: SlackReply;
  let data: Awaited<ReturnType<typeof staffQuestion>> = null;
  if (question === '') {
    reply = textBlocks(slackMessages.emptyMention);
  } else if (question.length > MAX_QUESTION_LENGTH) {
    reply = textBlocks(messages.errors.questionTooLong(MAX_QUESTION_LENGTH));
  } else {
    try {
      data = await staffQuestion(deps, question);
      reply = data?.reply ?? (await askCore(deps, q, question, threadTs));
    } catch (err) {
      deps.logger.error({ err, channel: q.channel }, 'slack question failed');
      reply = textBlocks(slackMessages.failed);
    }
  }
  await client.chat.postMessage({ channel: q.channel, thread_ts: threadTs, text: reply.text, blocks: reply.blocks, unfurl_links: false, unfurl_media: false });
  if (data) await uploadStaffCsv(deps, client, data.answer, q.channel, threadTs);
  // Pandu has now joined the thread: later messages in it are follow-ups, no mention needed.
  await joinThread(deps.db, q.channel, threadTs, deps.now());
}

/** The message fields the follow-up rule reads (a `message` event of any subtype). */
export interface ThreadMessage {
  readonly channel: string;
  readonly channel_type?: string;
  readonly subtype?: string;
  readonly bot_id?: string;
  readonly user?: string;
  readonly ts: string;
  readonly thread_ts?: string;
  readonly files?: ReadonlyArray<{ readonly id: string }>;
}

/** A message that shares files: the new files, or none. */
const sharedFileIds = (m: { files?: ReadonlyArray<{ id: string }> }): string[] => (m.files ?? []).map((f) => f.id).filter(Boolean);

/**
 * Whether Pandu answers a `message` event: a human's new message in a DM, or in a channel
 * thread Pandu has joined. Never edits, deletions or other subtypes, never bots (itself
 * included), never a channel message outside a joined thread (a mention there arrives as
 * `app_mention`).
 */
export async function isForPandu(deps: SlackFeatureDeps, m: ThreadMessage, botUserId: string | undefined): Promise<boolean> {
  // A file shared with Pandu is a message of subtype file_share; every other subtype is an edit, deletion or system message.
  if ((m.subtype !== undefined && m.subtype !== 'file_share') || m.bot_id || !m.user || m.user === botUserId) return false;
  if (m.channel_type === 'im') return true;
  if (!m.thread_ts || m.thread_ts === m.ts) return false;
  return hasJoined(deps.db, m.channel, m.thread_ts);
}

/** Files shared in a message, taken once (a mention with files arrives as app_mention and as message). */
async function takeFiles(deps: SlackFeatureDeps, client: WebClient, m: { channel: string; user?: string; ts: string; thread_ts?: string }, fileIds: string[]): Promise<void> {
  if (!(await claimMessage(deps, m.channel, m.ts))) return;
  await takeSharedFiles(deps, client, { channel: m.channel, user: m.user, threadTs: m.thread_ts ?? m.ts, fileIds });
}

/** Mentions in channels, direct messages and follow-ups in joined threads, answered in their thread. */
export function register(app: App, deps: SlackFeatureDeps): void {
  app.event('app_mention', async ({ event, client }) => {
    const files = sharedFileIds(event as { files?: Array<{ id: string }> });
    if (files.length > 0) return takeFiles(deps, client, { channel: event.channel, user: event.user, ts: event.ts, thread_ts: event.thread_ts }, files);
    await answerInThread(deps, client, { channel: event.channel, user: event.user, text: event.text, ts: event.ts, threadTs: event.thread_ts });
  });

  app.message(async ({ message, client, context }) => {
    const m = message as ThreadMessage & { text?: string };
    if (!(await isForPandu(deps, m, context.botUserId))) return;
    const files = sharedFileIds(m);
    if (files.length > 0) return takeFiles(deps, client, m, files);
    await answerInThread(deps, client, { channel: m.channel, user: m.user, text: m.text ?? '', ts: m.ts, threadTs: m.thread_ts });
  });
}
