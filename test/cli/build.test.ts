import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ROOT, tempDir } from '../support/process.ts';
import { waitFor } from '../support/wait.ts';

/** Issue 18, finding 7: production runs compiled JavaScript, built by `npm start` when needed. */
describe('compiled JavaScript', () => {
  it('the build copies what the code reads at run time, and the compiled CLI works from it', () => {
    // Inside the checkout (under the ignored .pandu/), where node_modules resolves.
    const out = join(ROOT, '.pandu', `build-test-${process.pid}`);
    onTestFinished(() => rmSync(out, { recursive: true, force: true }));
    const build = spawnSync(process.execPath, ['scripts/build.mjs', '--out-dir', out], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    expect(existsSync(join(out, 'cli', 'main.js'))).toBe(true);
    expect(existsSync(join(out, 'db', 'migrations', '001-initial.sql'))).toBe(true);
    expect(readFileSync(join(out, 'language', 'sastrawi', 'LICENSE'), 'utf8')).toContain('MIT');
    const run = spawnSync(process.execPath, [join(out, 'cli', 'main.js'), 'ask', 'Apa itu quick win?', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: 'memory://', LOG_LEVEL: 'warn' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ question: 'Apa itu quick win?' });
    // A new embedded folder starts from the template the build prepared (no initdb), and opens again after.
    expect(existsSync(join(out, 'db', 'pglite-template.tar.gz'))).toBe(true);
    const folder = join(tempDir(), 'db');
    for (let i = 0; i < 2; i++) {
      const inFolder = spawnSync(process.execPath, [join(out, 'cli', 'main.js'), 'regions', 'list', '--json'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: folder, LOG_LEVEL: 'warn' },
      });
      expect(inFolder.status, inFolder.stderr).toBe(0);
      expect((JSON.parse(inFolder.stdout) as unknown[]).length).toBe(514);
    }
    const again = spawnSync(process.execPath, ['scripts/build.mjs', '--if-needed', '--out-dir', out], { cwd: ROOT, encoding: 'utf8' });
    expect(again.status).toBe(0);
    expect(again.stderr).toBe(''); // sources unchanged: nothing compiled
  }, 240_000);

  it('`npm start` runs dist/ with node as the process npm started, and SIGTERM stops it with exit 0', async () => {
    const dir = join(tempDir(), 'db');
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    npm.stdout.on('data', (d: Buffer) => (out += d.toString()));
    npm.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => npm.on('exit', (code) => r(code)));
    await waitFor(() => /berjalan di http/.test(out), { timeout: 180_000, interval: 100, what: () => `the address line; output so far: ${out}` });
    const children = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(npm.pid)], { encoding: 'utf8' }).stdout;
    const node = children.split('\n').find((l) => l.includes('dist/cli/main.js start'));
    expect(node, children).toBeDefined();
    const nodePid = Number(node!.trim().split(/\s+/)[0]);
    npm.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(spawnSync('kill', ['-0', String(nodePid)]).status).not.toBe(0); // no orphan left running
  }, 240_000);
});
