import { request } from 'node:http';
import { isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import type { OwnerInfo } from '../db/index.ts';
import { newNonce, prove, verify } from './handshake.ts';

export type Forwarded =
  | { readonly kind: 'done'; readonly code: number; readonly stdout: string; readonly stderr: string }
  /** Nothing answers on the recorded port (the owner is still starting, or stopping). */
  | { readonly kind: 'unreachable' }
  /** Something answers but cannot prove it is the owner: nothing was sent to it. */
  | { readonly kind: 'unverified' };

/** Which values of a command are file paths: its positional arguments, or some options. */
const PATH_VALUES: Record<string, { readonly positional?: boolean; readonly options?: readonly string[] }> = {
  ingest: { positional: true },
  eval: { options: ['--set'] },
  digest: { options: ['--out'] },
};

/**
 * argv with every file path made absolute against this process's folder, because the
 * owner that runs the command works in its own folder. Option values that are not paths
 * (found from the command's own option list) are left as they are.
 */
export function absolutePaths(argv: readonly string[], program: Command, cwd = process.cwd()): string[] {
  const [name, ...rest] = argv;
  const spec = name ? PATH_VALUES[name] : undefined;
  const command = program.commands.find((c) => c.name() === name);
  if (!spec || !command) return [...argv];
  const takesValue = new Set(
    command.options.filter((o) => o.required || o.optional).flatMap((o) => [o.long, o.short].filter((f): f is string => !!f)),
  );
  const pathOptions = new Set(spec.options ?? []);
  const abs = (p: string) => (p === '' || isAbsolute(p) ? p : resolve(cwd, p));
  const out: string[] = [name!];
  let afterDashes = false;
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i]!;
    if (afterDashes || !token.startsWith('-')) {
      out.push(spec.positional ? abs(token) : token);
    } else if (token === '--') {
      afterDashes = true;
      out.push(token);
    } else if (token.includes('=')) {
      const [flag, ...value] = token.split('=');
      out.push(pathOptions.has(flag!) ? `${flag}=${abs(value.join('='))}` : token);
    } else if (takesValue.has(token) && i + 1 < rest.length) {
      out.push(token, pathOptions.has(token) ? abs(rest[++i]!) : rest[++i]!);
    } else {
      out.push(token);
    }
  }
  return out;
}

/** A JSON answer from the owner: its status and body. */
interface Reply {
  readonly ok: boolean;
  json(): Promise<unknown>;
}

/**
 * POSTs JSON to the owner on the loopback address. node:http, not fetch: fetch loads its
 * HTTP client (undici) on first use, a tenth of a second a forwarded command does not need.
 * Fails like fetch: with the socket error as `cause` (ECONNREFUSED…), or on the timeout.
 */
function post(port: number, path: string, body: unknown, timeoutMs: number): Promise<Reply> {
  const payload = JSON.stringify(body);
  return new Promise((resolvePost, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => parts.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          const status = res.statusCode ?? 0;
          resolvePost({ ok: status >= 200 && status < 300, json: async () => JSON.parse(text) as unknown });
        });
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', (err) => reject(Object.assign(new Error(err.message), { cause: err })));
    req.end(payload);
  });
}

/**
 * Runs a command in the process that owns the database, after it has proved it is that
 * owner (the token itself never leaves this process).
 */
export async function forwardToOwner(
  owner: OwnerInfo,
  argv: readonly string[],
  o: { timeoutMs?: number; stdin?: string } = {},
): Promise<Forwarded> {
  const timeoutMs = o.timeoutMs ?? 30 * 60_000;
  if (!owner.port) return { kind: 'unreachable' };
  const nonce = newNonce();
  let hello: { pid?: unknown; proof?: unknown; challenge?: unknown };
  try {
    const res = await post(owner.port, '/admin/hello', { nonce }, 5_000);
    hello = res.ok ? ((await res.json()) as typeof hello) : {};
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code;
    return code === 'ECONNREFUSED' ? { kind: 'unreachable' } : { kind: 'unverified' };
  }
  if (hello.pid !== owner.pid || !verify(owner.token, 'owner', nonce, hello.proof) || typeof hello.challenge !== 'string') {
    return { kind: 'unverified' };
  }
  try {
    const res = await post(owner.port, '/admin/cli', { argv, stdin: o.stdin, challenge: hello.challenge, proof: prove(owner.token, 'client', hello.challenge) }, timeoutMs);
    if (!res.ok) return { kind: 'unreachable' };
    const result = (await res.json()) as { code: number; stdout: string; stderr: string };
    return { kind: 'done', ...result };
  } catch {
    return { kind: 'unreachable' };
  }
}
