import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support/process.ts';

const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** Runs a command in a real terminal (tmux) and returns the screen once it has finished. */
async function onTerminal(command: string): Promise<string[]> {
  const socket = `pandu-test-${process.pid}`;
  const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  tmux('new-session', '-d', '-x', '160', '-y', '50', `${command}; echo __SELESAI__; sleep 120`);
  try {
    let screen = '';
    for (let i = 0; i < 600 && !screen.includes('__SELESAI__'); i++) {
      await new Promise((r) => setTimeout(r, 200));
      screen = tmux('capture-pane', '-p', '-J').stdout;
    }
    expect(screen).toContain('__SELESAI__');
    return screen.split('\n');
  } finally {
    tmux('kill-server');
  }
}

/** Issue 16 item 7: on a terminal the ingest progress bar and the log lines do not overwrite each other. */
describe.runIf(hasTmux)('pandu ingest on a terminal', () => {
  it('prints log lines above the progress bar, never on the bar’s line', async () => {
    const docs = join(tempDir(), 'dokumen');
    mkdirSync(docs);
    for (let i = 1; i <= 6; i++) writeFileSync(join(docs, `d${i}.md`), `# Dokumen ${i}\n\nTim daerah menyiapkan analisis strategis nomor ${i}.\n`);
    writeFileSync(join(docs, 'kosong.md'), '');
    const screen = await onTerminal(
      `cd ${ROOT} && env DATABASE_URL=memory:// LOG_LEVEL=info ${process.execPath} --import ${TSX} src/cli/main.ts ingest ${docs}`,
    );
    const barLines = screen.filter((l) => /[█░]/.test(l));
    expect(barLines.length).toBeGreaterThan(0);
    for (const line of barLines) expect(line).toMatch(/^ [█░]+ \d+\/\d+ file \| /);
    expect(barLines.join('\n')).not.toMatch(/INFO|WARN|ingest finished/);
    const logAt = screen.findIndex((l) => /INFO.*ingest finished/.test(l));
    expect(logAt).toBeGreaterThanOrEqual(0);
    expect(screen.findIndex((l) => /[█░]/.test(l))).toBeGreaterThan(logAt);
    expect(screen.some((l) => l.startsWith('Selesai: 6 baru'))).toBe(true);
  }, 150_000);
});
