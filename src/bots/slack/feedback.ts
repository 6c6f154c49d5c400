import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { slackMessages } from '../../messages/index.ts';
import { FEEDBACK_ACTIONS } from './blocks.ts';
import type { SlackFeatureDeps } from './deps.ts';

/** 👍/👎 under an answer: stored on the logged question, thanked privately. */
export function register(app: App, deps: SlackFeatureDeps): void {
  const pattern = new RegExp(`^(${FEEDBACK_ACTIONS.up}|${FEEDBACK_ACTIONS.down})$`);
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: pattern }, async ({ ack, action, body, client }) => {
    await ack();
    const questionId = Number(action.value);
    if (!Number.isInteger(questionId) || questionId <= 0) return;
    const vote = action.action_id === FEEDBACK_ACTIONS.up ? 1 : -1;
    await deps.answers.feedback(questionId, vote, `slack:${body.user.id}`);
    deps.logger.info({ questionId, vote }, 'slack feedback stored');
    const channel = body.channel?.id ?? (body.container as { channel_id?: string } | undefined)?.channel_id;
    if (!channel) return;
    await client.chat.postEphemeral({
      channel,
      user: body.user.id,
      text: slackMessages.feedbackThanks(vote),
      thread_ts: body.message?.thread_ts ?? undefined,
    });
  });
}
