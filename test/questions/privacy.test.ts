import { describe, expect, it } from 'vitest';
import { createConversationalAnswerService } from '../../src/conversation/index.ts';
import { pruneQuestionTexts, questionCounts, startRetentionJob } from '../../src/questions/index.ts';
import pino from 'pino';
import { runCli } from '../support/cli.ts';
import { backends, testDb } from '../support/db.ts';
import { waitFor } from '../support/wait.ts';
import { addQuestion, NOW } from '../console/seed.ts';
import type { AnswerService } from '../../src/answer/index.ts';

/** An answer service that logs like the real one (the row id comes from the database). */
function loggingAnswers(db: Awaited<ReturnType<typeof testDb>>): AnswerService {
  return {
    async ask(input) {
      const [row] = await db.query<{ id: number }>(
        `INSERT INTO questions (platform, chat_id, user_id, question, intent, refused, answer, asked_at)
         VALUES ($1, $2, $3, $4, 'rule', false, 'Jawaban.', $5) RETURNING id`,
        [input.platform, input.chatId ?? null, input.userId ?? null, input.question, input.now ?? NOW],
      );
      return { question: input.question, intent: 'rule', answer: 'Jawaban.', refused: false, citations: [], questionId: row!.id };
    },
    async feedback(questionId, vote, by) {
      await db.query('UPDATE questions SET feedback = $2, feedback_by = $3, feedback_at = now() WHERE id = $1', [questionId, vote, by]);
    },
  };
}

describe.each(backends)('privacy on %s', (backend) => {
  it('pandu privasi hapus --telegram-user deletes that person\'s questions, votes and conversation memory, and counts them', async () => {
    const db = await testDb(backend);
    const answers = createConversationalAnswerService(loggingAnswers(db), { db, now: () => NOW });
    // Sari (501) asks in her private chat and in a group; Budi (601) asks too and votes on Sari's group question.
    const a = await answers.ask({ question: 'Kapan tenggat Bimtek I?', platform: 'telegram', chatId: '501', userId: '501', sessionId: 'telegram:501', now: NOW });
    await answers.ask({ question: 'kalau Bimtek II?', platform: 'telegram', chatId: '501', userId: '501', sessionId: 'telegram:501', now: NOW });
    const g = await answers.ask({ question: 'Apa isi Buku 1?', platform: 'telegram', chatId: '-100200', userId: '501', sessionId: 'telegram:-100200:77', now: NOW });
    const b = await answers.ask({ question: 'Apa itu quick win?', platform: 'telegram', chatId: '-100200', userId: '601', sessionId: 'telegram:-100200:78', now: NOW });
    await answers.feedback(a.questionId!, 1, '501');
    await answers.feedback(b.questionId!, -1, '501'); // Sari's vote on Budi's answer
    await answers.feedback(g.questionId!, 1, '601'); // Budi's vote on Sari's question goes with it
    // A Slack user with the same digits is another person.
    await addQuestion(db, { question: 'Pertanyaan Slack', platform: 'slack', userId: '501' });

    const r = await runCli(db, ['privasi', 'hapus', '--telegram-user', '501']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.trim()).toBe('Dihapus: 3 pertanyaan, 2 umpan balik, 3 giliran ingatan percakapan.');

    const left = await db.query<{ user_id: string; platform: string; feedback: number | null; feedback_by: string | null }>(
      'SELECT user_id, platform, feedback, feedback_by FROM questions ORDER BY id',
    );
    expect(left).toEqual([
      { user_id: '601', platform: 'telegram', feedback: null, feedback_by: null },
      { user_id: '501', platform: 'slack', feedback: null, feedback_by: null },
    ]);
    const turns = await db.query<{ session_id: string }>('SELECT session_id FROM conversation_turns ORDER BY id');
    expect(turns).toEqual([{ session_id: 'telegram:-100200:78' }]);
    const [audit] = await db.query<{ actor: string; action: string; target: string; detail: unknown }>('SELECT actor, action, target, detail FROM audit_log');
    expect(audit).toMatchObject({ actor: 'cli', action: 'privacy.delete_user', target: 'telegram' });
    expect(JSON.stringify(audit)).not.toContain('501'); // the audit trail keeps counts, not the person

    const again = await runCli(db, ['privasi', 'hapus', '--telegram-user', '501']);
    expect(again.stdout.trim()).toBe('Dihapus: 0 pertanyaan, 0 umpan balik, 0 giliran ingatan percakapan.');
    const slack = await runCli(db, ['privasi', 'hapus', '--slack-user', '501']);
    expect(slack.stdout.trim()).toBe('Dihapus: 1 pertanyaan, 0 umpan balik, 0 giliran ingatan percakapan.');
  });

  it('refuses an ambiguous or malformed request with one line and exit 2', async () => {
    const db = await testDb(backend);
    for (const argv of [['privasi', 'hapus'], ['privasi', 'hapus', '--telegram-user', '5', '--slack-user', 'U1'], ['privasi', 'hapus', '--telegram-user', 'sari']]) {
      const r = await runCli(db, argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^Perintah tidak valid: .+\n$/);
    }
  });

  it('the retention job deletes question texts older than the retention and keeps the counts', async () => {
    const db = await testDb(backend);
    const old = await addQuestion(db, { question: 'Pertanyaan lama dengan nama Sari', at: '2025-09-01T03:00:00Z', userId: '501', chatId: '501', feedback: -1, reason: 'salah', refused: true });
    const recent = await addQuestion(db, { question: 'Pertanyaan baru', at: '2026-03-01T03:00:00Z', userId: '502' });
    const before = await questionCounts(db, new Date('2025-01-01'), NOW);
    expect(await pruneQuestionTexts(db, { now: NOW, days: 180 })).toBe(1);
    expect(await pruneQuestionTexts(db, { now: NOW, days: 180 })).toBe(0);
    const rows = await db.query<Record<string, unknown>>('SELECT id, question, answer, user_id, chat_id, feedback, feedback_reason, refused, text_deleted_at FROM questions ORDER BY id');
    expect(rows).toEqual([
      { id: old, question: null, answer: null, user_id: null, chat_id: null, feedback: -1, feedback_reason: 'salah', refused: true, text_deleted_at: NOW },
      expect.objectContaining({ id: recent, question: 'Pertanyaan baru', user_id: '502', text_deleted_at: null }),
    ]);
    expect(await questionCounts(db, new Date('2025-01-01'), NOW)).toEqual(before);
  });

  it('runs the retention job at start and then daily at 02:30 in the staff zone, recording what it deleted', async () => {
    const db = await testDb(backend);
    await addQuestion(db, { question: 'Lama sekali', at: '2025-06-01T03:00:00Z' });
    const job = startRetentionJob({ db, logger: pino({ level: 'silent' }), days: 180, timezone: 'Asia/Jakarta', now: () => NOW });
    try {
      await waitFor(async () => (await db.query('SELECT 1 FROM questions WHERE text_deleted_at IS NOT NULL')).length > 0, {
        timeout: 20_000,
        interval: 50,
        what: 'the retention job to run at start',
      });
      const next = job.nextRun()!;
      expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit' }).format(next)).toBe('02:30');
      expect(next.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);
      expect(await job.runOnce()).toBe(0);
      const audit = await db.query<{ actor: string; action: string; detail: unknown }>('SELECT actor, action, detail FROM audit_log');
      expect(audit).toEqual([{ actor: 'sistem', action: 'questions.retention', detail: { questions: 1, days: 180 } }]);
    } finally {
      job.stop();
    }
  });
});
