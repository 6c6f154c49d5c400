import { timingSafeEqual } from 'node:crypto';
import type { App } from '../app.ts';
import type { OwnerInfo } from '../db/index.ts';
import { readBody, sendJson, type HttpServer } from '../server/http.ts';
import type { CliContext, Io } from './context.ts';
import { buildProgram, runProgram } from './program.ts';

/**
 * The local admin endpoint: while `pandu start` owns the embedded database, other
 * `pandu …` commands are run here, inside the owner, on their behalf. Loopback only,
 * guarded by the token in the data folder's owner file.
 */
export function mountAdmin(server: HttpServer, app: App, token: string): void {
  server.route('POST', '/admin/cli', async (req, res) => {
    const remote = req.socket.remoteAddress ?? '';
    const given = Buffer.from(String(req.headers.authorization ?? '').replace(/^Bearer /, ''));
    const expected = Buffer.from(token);
    const loopback = remote === '127.0.0.1' || remote === '::1' || remote === '::ffff:127.0.0.1';
    if (!loopback || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      sendJson(res, 403, { error: 'forbidden' });
      return;
    }
    const body = JSON.parse(await readBody(req)) as { argv?: unknown };
    const argv = Array.isArray(body.argv) ? body.argv.map(String) : [];
    if (argv[0] === 'start') {
      sendJson(res, 400, { error: 'start cannot be forwarded' });
      return;
    }
    let stdout = '';
    let stderr = '';
    const io: Io = { out: (s) => (stdout += s), err: (s) => (stderr += s), isTTY: false };
    const ctx: CliContext = { io, app: async () => app, exitCode: 0, viaServer: true };
    let code: number;
    try {
      code = await runProgram(buildProgram(ctx), ctx, argv);
    } catch (err) {
      stderr += `${(err as Error).message}\n`;
      code = 1;
    }
    sendJson(res, 200, { code, stdout, stderr });
  });
}

/** Runs a command in the process that owns the database; null when it cannot be reached. */
export async function forwardToOwner(
  owner: OwnerInfo,
  argv: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string } | null> {
  if (!owner.port) return null;
  try {
    const res = await fetch(`http://127.0.0.1:${owner.port}/admin/cli`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ argv }),
    });
    if (!res.ok) return null;
    return (await res.json()) as { code: number; stdout: string; stderr: string };
  } catch {
    return null;
  }
}
