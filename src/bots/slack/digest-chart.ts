import type { App } from '@slack/bolt';
import type { Db } from '../../db/index.ts';
import { digestChart, type DigestChart } from '../../digest/index.ts';
import type { Logger } from '../../log.ts';
import { digestChartMessages } from '../../messages/index.ts';

type WebClient = App['client'];

/** The digest's chart, or null when it cannot be drawn: the digest's text goes out regardless. */
export async function chartForDigest(db: Db, now: Date, period: string, log: Logger): Promise<DigestChart | null> {
  try {
    return await digestChart(db, now, period);
  } catch (err) {
    log.warn({ err, period }, 'digest chart not drawn');
    return null;
  }
}

/** Uploads the chart into the digest's thread (files upload v2); returns its file id, null on failure. */
export async function uploadDigestChart(
  client: WebClient,
  o: { channel: string; ts: string; period: string; chart: DigestChart | null; log: Logger },
): Promise<string | null> {
  if (!o.chart) return null;
  try {
    const uploaded = (await client.files.uploadV2({
      channel_id: o.channel,
      thread_ts: o.ts,
      filename: o.chart.filename,
      title: digestChartMessages.title(o.period),
      file: o.chart.png,
      initial_comment: digestChartMessages.comment(o.period),
    })) as { files?: Array<{ files?: Array<{ id?: string }> }> };
    return uploaded.files?.[0]?.files?.[0]?.id ?? null;
  } catch (err) {
    // The digest is out; a missing picture is logged, not retried as a second digest.
    o.log.warn({ err, period: o.period }, 'digest chart upload failed');
    return null;
  }
}
