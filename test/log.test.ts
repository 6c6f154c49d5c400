import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { createLogger, routeLogLines } from '../src/log.ts';

/** Issue 18, finding 6: logs at info and warn never hold question text, ids or answers. */
describe('log lines', () => {
  const capture = (level = 'info') => {
    const logger = createLogger(level, { pretty: false });
    const lines: string[] = [];
    routeLogLines(logger, (line) => lines.push(line));
    return { logger, text: () => lines.join('') };
  };

  it('carry no question text, answer, chat id or user id, but keep counts and a pseudonym per chat', () => {
    const { logger, text } = capture();
    const telegram = logger.child({ module: 'telegram' });
    telegram.info({ chat: -1001234567, user: 987654321, question: 'Kapan tenggat Bimtek II untuk Kota Palu?', ms: 12 }, 'answered');
    telegram.warn({ chat: -1001234567, answer: 'Tenggat Bimtek II: 30 April 2026' }, 'answer not delivered');
    logger.info({ by: 'U0STAF123', from: 'member', to: 'left' }, 'membership changed');
    const out = text();
    for (const secret of ['1001234567', '987654321', 'Kota Palu', '30 April', 'U0STAF123']) expect(out).not.toContain(secret);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ ms: 12, question: '[teks 40 karakter]' });
    expect(lines[0]!.chat).toMatch(/^id:[0-9a-f]{10}$/);
    expect(lines[1]!.chat).toBe(lines[0]!.chat);
    expect(lines[2]).toMatchObject({ from: 'member', to: 'left' });
  });

  it('log a failed database write without the parameters it was given (a NUL byte in a question)', async () => {
    const db = new PGlite();
    await db.exec('CREATE TABLE questions (chat_id text, question text, answer text)');
    const err = await db
      .query('INSERT INTO questions VALUES ($1, $2, $3)', ['-100777888', 'pertanyaan\u0000rahasia', 'jawaban rahasia'])
      .catch((e: unknown) => e);
    await db.close();
    expect(err).toBeInstanceOf(Error);
    const { logger, text } = capture();
    logger.warn({ err }, 'question not logged');
    const out = text();
    expect(out).toContain('question not logged');
    expect(out).toContain('invalid byte sequence');
    for (const secret of ['-100777888', 'rahasia']) expect(out).not.toContain(secret);
  });
});
