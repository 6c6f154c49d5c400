import { extname } from 'node:path';
import type { App } from '@slack/bolt';
import { recordAudit } from '../../audit/index.ts';
import { escapeMrkdwn as esc } from '../../digest/index.ts';
import { ingestUpload, SUPPORTED_UPLOADS, type UploadKind } from '../../ingest/index.ts';
import { slackDocumentMessages as m } from '../../messages/index.ts';
import { isStaff, type SlackFeatureDeps } from './deps.ts';

type WebClient = App['client'];

/** Largest file taken from Slack, unless the app is given another limit. */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1_048_576;
const DOWNLOAD_TIMEOUT_MS = 120_000;

export interface SharedFiles {
  readonly channel: string;
  readonly user: string | undefined;
  readonly threadTs: string;
  readonly fileIds: readonly string[];
}

interface FileInfo {
  readonly name: string;
  readonly size: number;
  readonly url: string | undefined;
}

/** The kind an upload is filed under, from its name (the pipeline reads the kind from the folder). */
function kindOf(name: string): UploadKind {
  const n = name.toLowerCase();
  if (/faq|tanya.?jawab/.test(n)) return 'faq';
  if (/masterplan/.test(n)) return 'masterplan';
  return 'panduan';
}

/** The file's bytes from `url_private_download`, with the bot token; null when Slack does not hand them over. */
async function download(url: string, token: string, maxBytes: number): Promise<Uint8Array | null> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, redirect: 'manual', signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (res.status !== 200 || !res.body) return null;
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const part of res.body) {
    size += (part as Uint8Array).length;
    if (size > maxBytes) return null; // larger than files.info said: refused, not stored
    parts.push(part as Uint8Array);
  }
  return Buffer.concat(parts);
}

/** One shared file through the checks, the download and the ingest pipeline; the reply text. */
async function takeFile(deps: SlackFeatureDeps, client: WebClient, user: string, fileId: string): Promise<string> {
  const res = (await client.files.info({ file: fileId })) as { file?: { name?: string; size?: number; url_private_download?: string } };
  const info: FileInfo = { name: res.file?.name ?? fileId, size: res.file?.size ?? 0, url: res.file?.url_private_download };
  const name = esc(info.name);
  const max = deps.maxFileBytes;
  if (!SUPPORTED_UPLOADS.has(extname(info.name).toLowerCase())) return m.unsupported(name);
  if (info.size === 0) return m.empty(name);
  if (info.size > max) return m.tooLarge(name, info.size, max);
  const data = info.url ? await download(info.url, deps.slack.botToken!, max) : null;
  if (!data) return m.downloadFailed(name);
  if (data.length === 0) return m.empty(name);
  const started = performance.now();
  const now = deps.now();
  const by = `slack:${user}`;
  const outcome = await ingestUpload({ db: deps.db, embedder: deps.embedder!, logger: deps.logger }, { name: info.name, kind: kindOf(info.name), data, by, now, maxBytes: max });
  const seconds = (performance.now() - started) / 1000;
  deps.logger.info({ fileId, status: outcome.status, chunks: outcome.chunks, bytes: data.length, by: user }, 'slack file ingested');
  if (outcome.status === 'failed') return m.failed(name, esc(outcome.reason ?? ''));
  const [doc] = await deps.db.query<{ title: string }>('SELECT title FROM documents WHERE path = $1', [outcome.path]);
  const title = esc(doc?.title ?? info.name);
  if (outcome.status === 'unchanged') return m.unchanged(title);
  await recordAudit(deps.db, { at: now, actor: by, action: 'document.upload', target: outcome.path, detail: { name: info.name, bytes: data.length, chunks: outcome.chunks, via: 'slack' } });
  return m.ingested({ name, title, pages: outcome.pages, chunks: outcome.chunks, seconds, replaced: outcome.status === 'changed' });
}

/**
 * Files shared with Pandu (a DM, or a mention with files): staff's are ingested, each
 * answered in the thread with its result or the reason it was not taken; others are declined.
 */
export async function takeSharedFiles(deps: SlackFeatureDeps, client: WebClient, s: SharedFiles): Promise<void> {
  const post = (text: string) => client.chat.postMessage({ channel: s.channel, thread_ts: s.threadTs, text, unfurl_links: false, unfurl_media: false });
  if (!s.user || !isStaff(deps.slack, s.user, s.channel)) {
    deps.logger.info({ channel: s.channel, files: s.fileIds.length }, 'slack file from non-staff declined');
    await post(m.staffOnly);
    return;
  }
  if (!deps.embedder) {
    await post(m.unavailable);
    return;
  }
  for (const id of s.fileIds) {
    let text: string;
    try {
      text = await takeFile(deps, client, s.user, id);
    } catch (err) {
      deps.logger.error({ err, fileId: id }, 'slack file not taken');
      text = m.failed(id, (err as Error).message);
    }
    await post(text);
  }
}
