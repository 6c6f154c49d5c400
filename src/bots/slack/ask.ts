import type { App } from '@slack/bolt';
import { MAX_QUESTION_LENGTH } from '../../answer/index.ts';
import { messages, slackMessages } from '../../messages/index.ts';
import { answerBlocks, textBlocks, type SlackReply } from './blocks.ts';
import type { SlackFeatureDeps } from './deps.ts';

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

/** Turns a question into one core call and the answer into one reply, in the question's thread. */
export async function answerInThread(deps: SlackFeatureDeps, client: WebClient, q: IncomingQuestion): Promise<void> {
  const threadTs = q.threadTs ?? q.ts;
  const question = stripMentions(q.text);
  let reply: SlackReply;
  if (question === '') {
    reply = textBlocks(slackMessages.emptyMention);
  } else if (question.length > MAX_QUESTION_LENGTH) {
    reply = textBlocks(messages.errors.questionTooLong(MAX_QUESTION_LENGTH));
  } else {
    try {
      const answer = await deps.answers.ask({
        question,
        platform: 'slack',
        chatId: q.channel,
        userId: q.user,
        regionCode: null,
        sessionId: `slack:${q.channel}:${threadTs}`,
        now: deps.now(),
      });
      reply = answerBlocks(answer);
      deps.logger.info({ channel: q.channel, questionId: answer.questionId, intent: answer.intent, refused: answer.refused }, 'slack question answered');
    } catch (err) {
      deps.logger.error({ err, channel: q.channel }, 'slack question failed');
      reply = textBlocks(slackMessages.failed);
    }
  }
  await client.chat.postMessage({ channel: q.channel, thread_ts: threadTs, text: reply.text, blocks: reply.blocks, unfurl_links: false, unfurl_media: false });
}

/** Mentions in channels and direct messages, answered in their thread. */
export function register(app: App, deps: SlackFeatureDeps): void {
  app.event('app_mention', async ({ event, client }) => {
    await answerInThread(deps, client, { channel: event.channel, user: event.user, text: event.text, ts: event.ts, threadTs: event.thread_ts });
  });

  app.message(async ({ message, client }) => {
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id) return;
    await answerInThread(deps, client, {
      channel: message.channel,
      user: message.user,
      text: message.text ?? '',
      ts: message.ts,
      threadTs: message.thread_ts,
    });
  });
}
