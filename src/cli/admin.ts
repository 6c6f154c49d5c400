import type { IncomingMessage } from 'node:http';
import type { App } from '../app.ts';
import { readJson, sendJson, type HttpServer } from '../server/http.ts';
import type { CliContext, Io } from './context.ts';
import { createChallenges, prove, verify } from './handshake.ts';
import { buildProgram, runProgram } from './program.ts';

function isLoopback(req: IncomingMessage): boolean {
  const remote = req.socket.remoteAddress ?? '';
  return remote === '127.0.0.1' || remote === '::1' || remote === '::ffff:127.0.0.1';
}

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

/**
 * The local admin endpoint: while `pandu start` owns the embedded database, other
 * `pandu …` commands are run here, inside the owner, on their behalf. Loopback only;
 * both sides prove they know the owner file's token (see handshake.ts), which is never sent.
 * Bodies are bounded (1 MB) and must be JSON (400 otherwise). Mounted as soon as the server
 * listens: a command that arrives while the database is still opening waits for it.
 */
export function mountAdmin(server: HttpServer, app: App | Promise<App>, token: string): void {
  const challenges = createChallenges();

  server.route('POST', '/admin/hello', async (req, res) => {
    if (!isLoopback(req)) return sendJson(res, 403, { error: 'forbidden' });
    const nonce = field(await readJson(req), 'nonce');
    if (typeof nonce !== 'string' || nonce.length < 16 || nonce.length > 128) return sendJson(res, 400, { error: 'nonce required' });
    sendJson(res, 200, { pid: process.pid, proof: prove(token, 'owner', nonce), challenge: challenges.issue() });
  });

  server.route('POST', '/admin/cli', async (req, res) => {
    if (!isLoopback(req)) return sendJson(res, 403, { error: 'forbidden' });
    const body = await readJson(req);
    const challenge = field(body, 'challenge');
    if (!challenges.take(challenge) || !verify(token, 'client', challenge as string, field(body, 'proof'))) {
      return sendJson(res, 403, { error: 'forbidden' });
    }
    const rawArgv = field(body, 'argv');
    const argv = Array.isArray(rawArgv) ? rawArgv.map(String) : [];
    if (argv[0] === 'start') return sendJson(res, 400, { error: 'start cannot be forwarded' });
    const rawStdin = field(body, 'stdin');
    const stdin = typeof rawStdin === 'string' ? rawStdin : '';
    let stdout = '';
    let stderr = '';
    const io: Io = { out: (s) => (stdout += s), err: (s) => (stderr += s), isTTY: false, readStdin: async () => stdin };
    const ctx: CliContext = { io, app: async () => await app, exitCode: 0, viaServer: true };
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
