import { sourceAddress, sourceLabel } from '../../answer/render.ts';
import type { Answer, Citation } from '../../answer/index.ts';
import { escapeMrkdwn, SLACK_TEXT_LIMIT, type Block } from '../../digest/index.ts';
import { slackMessages } from '../../messages/index.ts';
import { splitText } from './format.ts';

export const FEEDBACK_ACTIONS = { up: 'pandu_feedback_up', down: 'pandu_feedback_down' } as const;

/** Context blocks hold at most 10 elements: the label and nine sources. */
const MAX_SOURCES = 9;
/** Fallback text (notifications, clients without blocks). */
const FALLBACK_LIMIT = 3000;

export interface SlackReply {
  readonly text: string;
  readonly blocks: Block[];
}

/**
 * An answer as Slack shows it: the answer in sections (each within Slack's 3000
 * characters), a context block with its sources, and 👍/👎 buttons when the question
 * was logged.
 */
export function answerBlocks(a: Answer): SlackReply {
  const blocks: Block[] = [];
  if (a.understood) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(slackMessages.understood(a.understood)) }] });
  }
  for (const piece of splitText(escapeMrkdwn(a.answer), SLACK_TEXT_LIMIT)) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: piece } });
  }
  const sources = sourceLinks(a.citations);
  if (sources.length > 0) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `*${slackMessages.sources}*` }, ...sources.slice(0, MAX_SOURCES).map((s) => ({ type: 'mrkdwn', text: s.mrkdwn }))],
    });
  }
  if (a.questionId !== null) {
    blocks.push({
      type: 'actions',
      block_id: 'pandu_feedback',
      elements: [
        { type: 'button', action_id: FEEDBACK_ACTIONS.up, text: { type: 'plain_text', text: slackMessages.feedbackUp, emoji: true }, value: String(a.questionId) },
        { type: 'button', action_id: FEEDBACK_ACTIONS.down, text: { type: 'plain_text', text: slackMessages.feedbackDown, emoji: true }, value: String(a.questionId) },
      ],
    });
  }
  const plain = escapeMrkdwn([a.understood, a.answer].filter(Boolean).join('\n')) + (sources.length > 0 ? `\n\n${slackMessages.sources} ${sources.map((s) => s.label).join('; ')}` : '');
  return { text: plain.length > FALLBACK_LIMIT ? `${plain.slice(0, FALLBACK_LIMIT - 1)}…` : plain, blocks };
}

/**
 * Each cited source once: its title, section and page, linked to its public address when it
 * has one (`<address|label>`, a PDF opened at the cited page); never a repository path.
 */
export function sourceLinks(citations: readonly Citation[]): Array<{ label: string; mrkdwn: string }> {
  const seen = new Set<string>();
  const out: Array<{ label: string; mrkdwn: string }> = [];
  for (const c of citations) {
    const label = escapeMrkdwn(sourceLabel(c));
    const address = sourceAddress(c);
    const mrkdwn = (address ? `📄 <${address.replace(/[<>|\s]/g, encodeURIComponent)}|${label}>` : `📄 ${label}`).slice(0, SLACK_TEXT_LIMIT);
    if (seen.has(mrkdwn)) continue;
    seen.add(mrkdwn);
    out.push({ label, mrkdwn });
  }
  return out;
}

/** A plain text reply (help, refusals, lookups) as one or more sections. */
export function textBlocks(mrkdwn: string): SlackReply {
  return {
    text: mrkdwn.length > FALLBACK_LIMIT ? `${mrkdwn.slice(0, FALLBACK_LIMIT - 1)}…` : mrkdwn,
    blocks: splitText(mrkdwn, SLACK_TEXT_LIMIT).map((piece) => ({ type: 'section', text: { type: 'mrkdwn', text: piece } })),
  };
}
