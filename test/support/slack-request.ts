import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Form fields as the fake receives them: JSON-encoded ones (blocks, metadata…) decoded. */
export function decode(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v === 'string' && /^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // not JSON: keep the string
      }
    }
    out[k] = v;
  }
  return out;
}

/** A request's whole body. */
export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

/** Signs a request body the way Slack does (v0, HMAC-SHA256 over "v0:ts:body"). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SlackRequestOptions {
  readonly secret: string;
  /** Seconds since the epoch; default now. */
  readonly timestamp?: number;
  /** Replaces the computed signature (a forged request). */
  readonly signature?: string;
  readonly retryNum?: number;
}

/** What Slack sends: a signed POST to the app's events URL. */
export async function postToSlackApp(
  url: string,
  body: { json: unknown } | { form: Record<string, string> },
  options: SlackRequestOptions,
): Promise<{ status: number; text: string }> {
  const text = 'json' in body ? JSON.stringify(body.json) : new URLSearchParams(body.form).toString();
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'json' in body ? 'application/json' : 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? slackSignature(options.secret, timestamp, text),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const res = await fetch(url, { method: 'POST', headers, body: text });
  return { status: res.status, text: await res.text() };
}
