import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConversationalAnswerService, createOpenAiRewriter } from '../../src/conversation/index.ts';
import type { Db } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { loadCalendar, parseCalendar } from '../../src/programme/index.ts';
import { CALENDAR } from '../support/corpus.ts';
import { backends, testDb } from '../support/db.ts';
import { createFakeAnswers, type FakeAnswers } from '../support/fake-answers.ts';
import { FakeOpenAi } from '../support/fake-openai.ts';

const logger = createLogger('silent', { pretty: false });
const T0 = new Date('2026-06-08T02:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

/** The core answer service, faked: records what it was asked; greetings and deadline questions keep their kind. */
function recordingCore(): FakeAnswers {
  return createFakeAnswers({
    respond: (input) => ({
      intent: /^(halo|makasih|terima kasih)/i.test(input.question) ? 'greeting' : /tenggat|kapan/i.test(input.question) ? 'deadline' : 'rule',
      answer: `Jawaban: ${input.question}`,
      citations: [],
    }),
  });
}

describe.each(backends)('conversation memory (%s)', (backend) => {
  let db: Db;
  let core: ReturnType<typeof recordingCore>;

  beforeEach(async () => {
    db = await testDb(backend);
    await db.transaction((tx) => loadCalendar(tx, parseCalendar(CALENDAR('2026-06-12')), 'corpus/kalender/angkatan-2026.yaml'));
    core = recordingCore();
  });

  it('answers a follow-up as a standalone question with the carried region, and says what it understood', async () => {
    const answers = createConversationalAnswerService(core, { db, logger });
    const first = await answers.ask({ question: 'Kapan tenggat Bimtek I untuk Sragen?', platform: 'telegram', sessionId: 's1', now: T0 });
    expect(first.understood).toBeUndefined();
    const second = await answers.ask({ question: 'kalau Bimtek II?', platform: 'telegram', sessionId: 's1', regionCode: '91.71', now: minutes(2) });
    // The chat's own region (Jayapura) yields to the region the conversation is about.
    expect(core.asked[1]).toMatchObject({ question: 'Kapan tenggat Bimtek II untuk Sragen?', regionCode: '33.14' });
    expect(second).toMatchObject({ question: 'kalau Bimtek II?', standalone: 'Kapan tenggat Bimtek II untuk Sragen?', understood: 'Bimtek II, Kabupaten Sragen' });
    const third = await answers.ask({ question: 'checklistnya apa aja?', platform: 'telegram', sessionId: 's1', now: minutes(4) });
    expect(third.standalone).toBe('Apa saja dokumen yang harus disiapkan untuk Bimtek II di Kabupaten Sragen?');
  });

  it('forgets a conversation after 30 minutes of silence, or after the configured period', async () => {
    const answers = createConversationalAnswerService(core, { db, logger });
    await answers.ask({ question: 'Kapan tenggat Bimtek I untuk Sragen?', platform: 'slack', sessionId: 's2', now: T0 });
    expect((await answers.ask({ question: 'kalau Bimtek II?', platform: 'slack', sessionId: 's2', now: minutes(29) })).understood).toBeDefined();
    // 29 minutes after the last turn: still the same conversation; 31 minutes: a fresh one.
    const late = await answers.ask({ question: 'kalau Bimtek I?', platform: 'slack', sessionId: 's2', now: minutes(29 + 31) });
    expect(late.standalone).toBe('kalau Bimtek I?');
    expect(late.understood).toBeUndefined();

    const short = createConversationalAnswerService(core, { db, logger, silenceMs: 5 * 60_000 });
    await short.ask({ question: 'Kapan tenggat Bimtek I untuk Sragen?', platform: 'cli', sessionId: 's3', now: T0 });
    expect((await short.ask({ question: 'kalau Bimtek II?', platform: 'cli', sessionId: 's3', now: minutes(6) })).understood).toBeUndefined();
  });

  it('never shares context between sessions talking at the same time', async () => {
    const answers = createConversationalAnswerService(core, { db, logger });
    await answers.ask({ question: 'Kapan tenggat Bimtek I untuk Sragen?', platform: 'telegram', sessionId: 'grup-a', now: T0 });
    await answers.ask({ question: 'Kapan tenggat Bimtek II untuk Kota Jayapura?', platform: 'telegram', sessionId: 'grup-b', now: T0 });
    const [a, b] = await Promise.all([
      answers.ask({ question: 'kalau Bimtek II?', platform: 'telegram', sessionId: 'grup-a', now: minutes(1) }),
      answers.ask({ question: 'kalau Bimtek I?', platform: 'telegram', sessionId: 'grup-b', now: minutes(1) }),
    ]);
    expect(a.understood).toBe('Bimtek II, Kabupaten Sragen');
    expect(b.understood).toBe('Bimtek I, Kota Jayapura');
    const fresh = await answers.ask({ question: 'kalau Bimtek II?', platform: 'telegram', sessionId: 'grup-c', now: minutes(1) });
    expect(fresh.understood).toBeUndefined();
  });

  it('keeps the conversation through a thank-you, and leaves a new question alone', async () => {
    const answers = createConversationalAnswerService(core, { db, logger });
    await answers.ask({ question: 'Kapan tenggat Bimtek I untuk Sragen?', platform: 'console', sessionId: 's4', now: T0 });
    await answers.ask({ question: 'makasih', platform: 'console', sessionId: 's4', now: minutes(1) });
    expect((await answers.ask({ question: 'kalau Bimtek II?', platform: 'console', sessionId: 's4', now: minutes(2) })).understood).toBe('Bimtek II, Kabupaten Sragen');
    const other = await answers.ask({ question: 'apa itu quick win?', platform: 'console', sessionId: 's4', now: minutes(3) });
    expect(other.standalone).toBe('apa itu quick win?');
    expect(other.understood).toBeUndefined();
    expect(core.asked.at(-1)).toMatchObject({ question: 'apa itu quick win?', regionCode: null });
  });

  it('forgets on request (Telegram /baru), a group prefix with every reply chain under it', async () => {
    const answers = createConversationalAnswerService(core, { db, logger });
    for (const s of ['telegram:-1:10', 'telegram:-1:20', 'telegram:-2:10']) {
      await answers.ask({ question: 'Kapan tenggat Bimtek I untuk Sragen?', platform: 'telegram', sessionId: s, now: T0 });
    }
    await answers.forget('telegram:-1', { nested: true });
    const after = async (s: string) => (await answers.ask({ question: 'kalau Bimtek II?', platform: 'telegram', sessionId: s, now: minutes(1) })).understood;
    expect(await after('telegram:-1:10')).toBeUndefined();
    expect(await after('telegram:-1:20')).toBeUndefined();
    expect(await after('telegram:-2:10')).toBe('Bimtek II, Kabupaten Sragen');
  });

  it('passes questions without a session straight through', async () => {
    const answers = createConversationalAnswerService(core, { db, logger });
    await answers.ask({ question: 'Kapan tenggat Bimtek I untuk Sragen?', platform: 'cli', now: T0 });
    const a = await answers.ask({ question: 'kalau Bimtek II?', platform: 'cli', now: minutes(1) });
    expect(a.understood).toBeUndefined();
    expect(core.asked.at(-1)!.question).toBe('kalau Bimtek II?');
    expect(await db.query('SELECT 1 FROM conversation_turns')).toHaveLength(0);
  });
});

describe('model rewrite of follow-ups', () => {
  const llm = new FakeOpenAi();
  let db: Db;
  beforeAll(async () => {
    await llm.start();
  });
  afterAll(async () => {
    await llm.stop();
  });
  beforeEach(async () => {
    db = await testDb('pglite');
    await db.transaction((tx) => loadCalendar(tx, parseCalendar(CALENDAR('2026-06-12')), 'corpus/kalender/angkatan-2026.yaml'));
  });

  it('uses the model rewrite only when it keeps the offline rewrite\'s entities, and falls back on errors', async () => {
    const core = recordingCore();
    const rewriter = createOpenAiRewriter({ model: 'uji', baseUrl: llm.url, logger, timeoutMs: 2_000 });
    const answers = createConversationalAnswerService(core, { db, logger, rewriter });
    await answers.ask({ question: 'Kapan tenggat Bimtek I untuk Sragen?', platform: 'cli', sessionId: 'm', now: T0 });
    expect(llm.requests).toHaveLength(0); // a new question is never sent to the model

    llm.chat = { kind: 'answer', content: 'Sampai kapan batas waktu Bimtek II untuk Kabupaten Sragen?' };
    const kept = await answers.ask({ question: 'kalau Bimtek II?', platform: 'cli', sessionId: 'm', now: minutes(1) });
    expect(kept.standalone).toBe('Sampai kapan batas waktu Bimtek II untuk Kabupaten Sragen?');
    expect(kept.understood).toBe('Bimtek II, Kabupaten Sragen');
    expect(String((llm.requests.at(-1)!.body.messages as Array<{ content: string }>)[1]!.content)).toContain('kalau Bimtek II?');

    llm.chat = { kind: 'answer', content: 'Kapan tenggat Bimtek II untuk Kota Jayapura?' };
    const changed = await answers.ask({ question: 'kalau Bimtek I?', platform: 'cli', sessionId: 'm', now: minutes(2) });
    expect(changed.standalone).toBe('Sampai kapan batas waktu Bimtek I untuk Kabupaten Sragen?');

    llm.chat = { kind: 'error', status: 500 };
    const failed = await answers.ask({ question: 'kalau Bimtek II?', platform: 'cli', sessionId: 'm', now: minutes(3) });
    expect(failed.understood).toBe('Bimtek II, Kabupaten Sragen');
    expect(core.asked.at(-1)!.question).toBe(failed.standalone);
  });
});
