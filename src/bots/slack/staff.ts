import type { App } from '@slack/bolt';
import { escapeMrkdwn } from '../../digest/index.ts';
import { askStaff, type StaffAnswer } from '../../staff/index.ts';
import { staffMessages } from '../../messages/index.ts';
import { textBlocks, type SlackReply } from './blocks.ts';
import { statusReply } from './commands.ts';
import type { SlackFeatureDeps } from './deps.ts';

type WebClient = App['client'];

/** A question about the programme's state, answered from the database; null when it is not one. */
export async function staffQuestion(deps: SlackFeatureDeps, question: string): Promise<{ reply: SlackReply; answer: StaffAnswer } | null> {
  const answer = await askStaff(
    // A region's status is the `/pandu status` reply (already escaped for mrkdwn).
    { db: deps.db, now: deps.now(), timezone: deps.timezone, regionStatus: (r) => statusReply(deps, r.code) },
    question,
  );
  if (!answer) return null;
  deps.logger.info({ kind: answer.kind, count: answer.count, csv: answer.csv !== null }, 'slack staff question answered from data');
  return { answer, reply: textBlocks(answer.kind === 'region-status' ? answer.text : escapeMrkdwn(answer.text)) };
}

/** The full list of a cut answer, as a CSV file in the answer's thread (files upload v2). */
export async function uploadStaffCsv(deps: SlackFeatureDeps, client: WebClient, answer: StaffAnswer, channel: string, threadTs: string): Promise<void> {
  if (!answer.csv) return;
  try {
    await client.files.uploadV2({
      channel_id: channel,
      thread_ts: threadTs,
      filename: answer.csv.filename,
      title: answer.csv.filename,
      content: answer.csv.content,
      initial_comment: staffMessages.csvComment,
    });
  } catch (err) {
    deps.logger.warn({ err, kind: answer.kind }, 'staff answer CSV upload failed');
  }
}
