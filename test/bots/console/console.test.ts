import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startConsole } from '../../../src/bots/console/index.ts';
import { messages } from '../../../src/messages/index.ts';

describe('terminal chat', () => {
  it('apologises for a failed question and logs the failure with its stack', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (d: Buffer) => (shown += d.toString()));
    const logged: unknown[] = [];
    const chat = startConsole({
      input,
      output,
      ask: async () => {
        throw new Error('database went away');
      },
      findRegion: async () => null,
      onQuit: () => undefined,
      log: { warn: (obj: unknown) => void logged.push(obj) } as never,
    });
    input.write('Kapan tenggat Bimtek IV?\n');
    for (let i = 0; i < 100 && logged.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    chat.stop();
    expect(shown).toContain(messages.errors.internal);
    const err = (logged[0] as { err?: Error } | undefined)?.err;
    expect(err?.message).toBe('database went away');
    expect(err?.stack).toMatch(/console\.test\.ts/);
  });
});
