import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = new URL('../../', import.meta.url).pathname;

/**
 * A fresh folder for a test, inside one folder per test run (named after the vitest process that
 * forked this worker), which the run's global teardown removes (test/global-setup.ts).
 */
export function tempDir(prefix = 'pandu-test-'): string {
  const root = testRunTempRoot(process.ppid);
  mkdirSync(root, { recursive: true });
  return mkdtempSync(join(root, prefix));
}

/** The folder holding a test run's temp folders; `runPid` is the vitest main process. */
export function testRunTempRoot(runPid: number): string {
  return join(tmpdir(), `pandu-tests-${runPid}`);
}

export interface Running {
  readonly child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves when stdout+stderr match re; rejects after ms. */
  waitFor(re: RegExp, ms?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const TSX = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;

/**
 * Runs the real `pandu` CLI (the same entry as bin/pandu.js) in a child process, in the
 * repository's folder unless `cwd` says otherwise (elsewhere there is no corpus/ to ingest).
 */
export function runPandu(args: string[], env: Record<string, string | undefined> = {}, options: { cwd?: string } = {}): Running {
  const child = spawn(process.execPath, ['--import', TSX, MAIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', PORT: '0', ...env },
    stdio: 'pipe',
  });
  let out = '';
  let err = '';
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    waiters.forEach((w) => w());
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
    waiters.forEach((w) => w());
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(re, ms = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = (out + err).match(re);
          if (m) {
            clearTimeout(timer);
            resolve(m);
          }
        };
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for ${re}; stdout: ${out}\nstderr: ${err}`)),
          ms,
        );
        waiters.push(check);
        check();
        void exited.then(() => setTimeout(check, 50));
      });
    },
  };
}

/** Runs a command to completion. */
export async function runPanduOnce(args: string[], env: Record<string, string | undefined> = {}, options: { cwd?: string } = {}) {
  const r = runPandu(args, env, options);
  r.child.stdin.end();
  const { code } = await r.exited;
  return { code, stdout: r.stdout(), stderr: r.stderr() };
}
