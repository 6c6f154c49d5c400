import { webApi, type App } from '@slack/bolt';
import type { Config } from '../../config/index.ts';
import type { Db } from '../../db/index.ts';
import { buildDigest, isoWeek, renderDigestBlocks, type Digest } from '../../digest/index.ts';
import type { Logger } from '../../log.ts';
import { digestMessages } from '../../messages/index.ts';
import { slackClientOptions } from './client.ts';
import { chartForDigest, uploadDigestChart } from './digest-chart.ts';
import { boltLogger } from './logger.ts';
import { configInvalid } from '../../config/index.ts';
import { configProblems } from '../../messages/operator.ts';

type WebClient = App['client'];

export interface PostedDigest {
  readonly period: string;
  readonly channel: string;
  readonly ts: string;
  /** The CSV attachment's file id, when the tables were too long for the message. */
  readonly fileId: string | null;
  /** The chart's file id in the digest's thread; null when it could not be drawn or uploaded. */
  readonly chartFileId: string | null;
  readonly digest: Digest;
}

export type WeeklyDigestResult =
  | { readonly status: 'posted'; readonly posted: PostedDigest }
  | { readonly status: 'already-posted'; readonly period: string };

export interface DigestPublisher {
  readonly channel: string | undefined;
  /** Builds the digest at `now` and posts it to the digest channel (on demand: not tied to a period). */
  post(now: Date): Promise<PostedDigest>;
  /** The week's digest, posted at most once per ISO week across restarts and processes. */
  postWeekly(now: Date): Promise<WeeklyDigestResult>;
  /** Weeks claimed but never confirmed (a crash while posting): reported, not re-posted. */
  unconfirmed(before: Date): Promise<string[]>;
}

/** Posts a built digest: the blocks, then the CSV (if any) in the message's thread. */
export async function sendDigest(
  client: WebClient,
  channel: string,
  digest: Digest,
  log: Logger,
): Promise<{ ts: string; fileId: string | null }> {
  const message = renderDigestBlocks(digest);
  const res = await client.chat.postMessage({
    channel,
    text: message.text,
    blocks: [...message.blocks],
    unfurl_links: false,
    unfurl_media: false,
    metadata: { event_type: 'pandu_digest', event_payload: { period: digest.period } },
  });
  const ts = String(res.ts);
  let fileId: string | null = null;
  if (digest.csv) {
    try {
      const uploaded = (await client.files.uploadV2({
        channel_id: channel,
        thread_ts: ts,
        filename: digest.csv.filename,
        title: digest.csv.filename,
        content: digest.csv.content,
        initial_comment: digestMessages.attachmentComment(digest.period),
      })) as { files?: Array<{ files?: Array<{ id?: string }> }> };
      fileId = uploaded.files?.[0]?.files?.[0]?.id ?? null;
    } catch (err) {
      // The digest itself is out; a missing attachment is logged, not retried as a second digest.
      log.warn({ err: errorSummary(err), period: digest.period }, 'digest CSV upload failed');
    }
  }
  return { ts, fileId };
}

function errorSummary(err: unknown): { code?: string; message: string } {
  const e = err as { code?: string; message?: string; data?: { error?: string } };
  return { code: e.code, message: e.data?.error ?? e.message ?? String(err) };
}

/** Slack answered `ok: false`: the message was certainly not posted (unlike a timeout). */
function certainlyNotPosted(err: unknown): boolean {
  return (err as { code?: string }).code === webApi.ErrorCode.PlatformError;
}

export function createDigestPublisher(deps: {
  db: Db;
  client: WebClient;
  channel: string | undefined;
  timezone: string;
  logger: Logger;
}): DigestPublisher {
  const { db, client, channel, timezone, logger: log } = deps;

  const requireChannel = (): string => {
    if (!channel) throw configInvalid([configProblems.digestChannelMissing]);
    return channel;
  };

  async function post(now: Date): Promise<PostedDigest> {
    const target = requireChannel();
    const digest = await buildDigest(db, { now, timezone });
    const chart = await chartForDigest(db, now, digest.period, log);
    const { ts, fileId } = await sendDigest(client, target, digest, log);
    const chartFileId = await uploadDigestChart(client, { channel: target, ts, period: digest.period, chart, log });
    log.info({ period: digest.period, channel: target, ts, overdue: digest.data.overdue.length, csv: digest.csv !== null, chart: chartFileId !== null }, 'digest posted');
    return { period: digest.period, channel: target, ts, fileId, chartFileId, digest };
  }

  /*
   * Once per period: the week is claimed with INSERT … ON CONFLICT DO NOTHING before the
   * message is posted, and confirmed with its ts afterwards. Only the claimant posts, so
   * restarts and a second process never post the week twice.
   *
   * A crash between the claim and Slack's answer leaves the claim without ts. We then
   * choose at-most-once: the week is not re-posted automatically (a second digest in the
   * staff channel is the failure the claim exists to prevent, and Slack has no idempotency
   * key to make a retry safe). `unconfirmed()` reports such weeks at start, and staff can
   * post on demand with `/pandu digest`. The window is kept small: the digest is built
   * before the claim, so only the chat.postMessage call itself lies inside it. When Slack
   * answers `ok: false` the message was certainly not posted, and the claim is released so
   * the next scheduler tick tries again.
   */
  async function postWeekly(now: Date): Promise<WeeklyDigestResult> {
    const target = requireChannel();
    const period = isoWeek(now, timezone);
    const [seen] = await db.query('SELECT 1 FROM digests WHERE period = $1', [period]);
    if (seen) return { status: 'already-posted', period };
    const digest = await buildDigest(db, { now, timezone });
    const chart = await chartForDigest(db, now, period, log);
    const claimed = await db.query(
      `INSERT INTO digests (period, channel, posted_at) VALUES ($1, $2, $3) ON CONFLICT (period) DO NOTHING RETURNING period`,
      [period, target, now.toISOString()],
    );
    if (claimed.length === 0) return { status: 'already-posted', period };
    let sent: { ts: string; fileId: string | null };
    try {
      sent = await sendDigest(client, target, digest, log);
    } catch (err) {
      if (certainlyNotPosted(err)) {
        await db.query('DELETE FROM digests WHERE period = $1 AND message_ts IS NULL', [period]);
      }
      log.error({ err: errorSummary(err), period, released: certainlyNotPosted(err) }, 'weekly digest not posted');
      throw err;
    }
    await db.query('UPDATE digests SET message_ts = $2 WHERE period = $1', [period, sent.ts]);
    const chartFileId = await uploadDigestChart(client, { channel: target, ts: sent.ts, period, chart, log });
    log.info({ period, channel: target, ts: sent.ts, overdue: digest.data.overdue.length, csv: digest.csv !== null, chart: chartFileId !== null }, 'weekly digest posted');
    return { status: 'posted', posted: { period, channel: target, ts: sent.ts, fileId: sent.fileId, chartFileId, digest } };
  }

  async function unconfirmed(before: Date): Promise<string[]> {
    const rows = await db.query<{ period: string }>(
      'SELECT period FROM digests WHERE message_ts IS NULL AND posted_at < $1 ORDER BY period',
      [before.toISOString()],
    );
    return rows.map((r) => r.period);
  }

  return { channel, post, postWeekly, unconfirmed };
}

/**
 * A digest publisher with a Web API client of its own: what the composition root builds
 * once for `pandu digest` and for the Slack app's schedule and `/pandu digest`.
 */
export function createSlackDigestPublisher(deps: {
  db: Db;
  slack: Pick<Config['slack'], 'apiUrl' | 'digestChannel'> & { botToken: string };
  timezone: string;
  logger: Logger;
}): DigestPublisher {
  const log = deps.logger.child({ module: 'digest' });
  const client = new webApi.WebClient(deps.slack.botToken, slackClientOptions(deps.slack, { logger: boltLogger(log) }));
  return createDigestPublisher({ db: deps.db, client, channel: deps.slack.digestChannel, timezone: deps.timezone, logger: log });
}
