import { digestMessages as m } from '../messages/index.ts';
import { SLACK_BLOCK_LIMIT, escapeMrkdwn, sectionMrkdwn, type Digest } from './sections.ts';

/** A Block Kit block, as Slack's chat.postMessage takes it. */
export type Block = Record<string, unknown> & { readonly type: string };

export interface DigestMessage {
  /** Notification and fallback text. */
  readonly text: string;
  readonly blocks: readonly Block[];
}

const HEADER_LIMIT = 150;

/** The digest as one Slack message: header, context, one section per part, within Slack's limits. */
export function renderDigestBlocks(digest: Digest): DigestMessage {
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: digest.title.slice(0, HEADER_LIMIT), emoji: true } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(digest.context) }] },
  ];
  for (const s of digest.sections) {
    blocks.push({ type: 'divider' });
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: sectionMrkdwn(s) } });
  }
  if (digest.csv) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(m.attachment(digest.csv.filename, digest.csv.rows)) }] });
  }
  // The layout above has a fixed number of blocks (well under 50); the guard keeps it so.
  return { text: digest.summary, blocks: blocks.slice(0, SLACK_BLOCK_LIMIT) };
}
