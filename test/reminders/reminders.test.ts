import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/index.ts';
import { setChecklistItem } from '../../src/programme/index.ts';
import {
  createDispatcher,
  outboxRows,
  startReminderScheduler,
  planAndEnqueue,
  reminderProblems,
  type DispatcherOptions,
} from '../../src/reminders/index.ts';
import { Api } from 'grammy';
import { createTelegramSender } from '../../src/bots/telegram/index.ts';
import { createPacer } from '../../src/pacing/index.ts';
import { backends, testDb } from '../support/db.ts';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.ts';
import { waitFor } from '../support/wait.ts';
import { bindChat, CALENDAR_SPEC, runCli, TOKEN, seedCalendar, seedChecklist, silent } from './seed.ts';

const NOW = new Date('2026-03-24T02:00:00Z'); // 09:00 WIB, 10:00 WITA, 11:00 WIT
const at = (iso: string) => () => new Date(iso);

describe.each(backends)('reminders (%s)', (backend) => {
  let db: Db;
  let api: FakeTelegram;
  let chats: Record<'sragen' | 'makassar' | 'jayapura' | 'sragenOff' | 'jayapuraSlack', number>;

  beforeEach(async () => {
    db = await testDb(backend);
    await seedCalendar(db);
    await seedChecklist(db);
    chats = {
      sragen: await bindChat(db, { chatId: '-1001', regionCode: '33.14' }),
      makassar: await bindChat(db, { chatId: '-1002', regionCode: '73.71' }),
      jayapura: await bindChat(db, { chatId: '-1003', regionCode: '91.71' }),
      sragenOff: await bindChat(db, { chatId: '-1004', regionCode: '33.14', remindersEnabled: false }),
      jayapuraSlack: await bindChat(db, { chatId: 'C0JAYA', regionCode: '91.71', platform: 'slack' }),
    };
    api = await startFakeTelegram({ token: TOKEN });
  });
  afterEach(async () => {
    await api.close();
  });

  /** A sender to the fake Bot API with a pacer of its own at `ratePerSec`. */
  const sender = (ratePerSec = 500) => createTelegramSender({ api: new Api('123:uji', { apiRoot: api.apiRoot }), pacer: createPacer({ ratePerSec }) });
  const dispatcher = (now: () => Date, extra: Partial<DispatcherOptions> = {}, ratePerSec?: number) =>
    createDispatcher({ db, senders: { telegram: sender(ratePerSec) }, logger: silent, now, ...extra });

  it('plans the exact set of reminders for the seeded calendar at a fixed --now', async () => {
    const r = await runCli(db, ['reminders', 'plan', '--now', NOW.toISOString(), '--days', '14', '--json']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    const key = (p: Record<string, unknown>) => `${p.platform} ${p.chat_id} ${p.region} ${p.stage} ${p.deadline} ${p.offset} ${p.send_at}`;
    expect(plan.map(key)).toEqual([
      // Jayapura (WIT): Bimtek I postponed to 3 April; H-14 passed already, so it is caught up now.
      'telegram -1003 91.71 bimtek-1 2026-04-03 14 2026-03-19T23:00:00.000Z',
      'slack C0JAYA 91.71 bimtek-1 2026-04-03 14 2026-03-19T23:00:00.000Z',
      // Sragen (WIB): H-7 went out at 08:00 WIB today (not yet sent: caught up now).
      'telegram -1001 33.14 bimtek-1 2026-03-31 7 2026-03-24T01:00:00.000Z',
      'telegram -1003 91.71 bimtek-1 2026-04-03 7 2026-03-26T23:00:00.000Z',
      'slack C0JAYA 91.71 bimtek-1 2026-04-03 7 2026-03-26T23:00:00.000Z',
      'telegram -1001 33.14 bimtek-1 2026-03-31 3 2026-03-28T01:00:00.000Z',
      'telegram -1001 33.14 bimtek-1 2026-03-31 1 2026-03-30T01:00:00.000Z',
      'telegram -1003 91.71 bimtek-1 2026-04-03 3 2026-03-30T23:00:00.000Z',
      'slack C0JAYA 91.71 bimtek-1 2026-04-03 3 2026-03-30T23:00:00.000Z',
      'telegram -1001 33.14 bimtek-1 2026-03-31 0 2026-03-31T01:00:00.000Z',
      'telegram -1001 33.14 bimtek-1 2026-03-31 -1 2026-04-01T01:00:00.000Z',
      'telegram -1003 91.71 bimtek-1 2026-04-03 1 2026-04-01T23:00:00.000Z',
      'slack C0JAYA 91.71 bimtek-1 2026-04-03 1 2026-04-01T23:00:00.000Z',
      'telegram -1003 91.71 bimtek-1 2026-04-03 0 2026-04-02T23:00:00.000Z',
      'slack C0JAYA 91.71 bimtek-1 2026-04-03 0 2026-04-02T23:00:00.000Z',
      'telegram -1003 91.71 bimtek-1 2026-04-03 -1 2026-04-03T23:00:00.000Z',
      'slack C0JAYA 91.71 bimtek-1 2026-04-03 -1 2026-04-03T23:00:00.000Z',
    ]);
    // None for Makassar (Bimtek I completed), none for the Sragen group that turned reminders off.
    expect(plan.some((p) => p.chat_id === '-1002' || p.chat_id === '-1004')).toBe(false);

    const text = await runCli(db, ['reminders', 'plan', '--now', NOW.toISOString(), '--days', '14']);
    expect(text.stdout).toContain('17 pengingat untuk 3 grup:');
    expect(text.stdout).toContain('telegram -1001 — Kabupaten Sragen (33.14)');
    expect(text.stdout).toMatch(/2026-03-24 08:00 WIB\s+H-7\s+Bimtek I: Analisis Strategis \(tenggat 31 Maret 2026\) — terlewat, dikirim sekarang/);
    expect(text.stdout).toMatch(/2026-04-03 08:00 WIT\s+H-0/);
  });

  it('/pengingat off (reminders_enabled = false) stops a group’s reminders, planned and queued', async () => {
    await planAndEnqueue(db, { now: NOW, horizonDays: 14 });
    await db.query('UPDATE chats SET reminders_enabled = false WHERE id = $1', [chats.sragen]);
    const plan = JSON.parse((await runCli(db, ['reminders', 'plan', '--now', NOW.toISOString(), '--json'])).stdout) as unknown[];
    expect(plan.some((p) => (p as { chat_id: string }).chat_id === '-1001')).toBe(false);

    await dispatcher(at('2026-04-02T00:00:00Z')).dispatch();
    expect(api.counts().get('-1001')).toBeUndefined();
    const rows = (await outboxRows(db)).filter((r) => r.chatRef === chats.sragen);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status === 'cancelled' || r.status === 'skipped')).toBe(true);
  });

  it('sends each due reminder once, in Indonesian, with progress, open items and how to mark them', async () => {
    await setChecklistItem(db, { regionCode: '33.14', itemId: 'BT1-01', done: true, by: 'uji' });
    const first = await runCli(db, ['reminders', 'run', '--now', NOW.toISOString(), '--json'], {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
    });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ sent: 2, failed: 0 });
    expect([...api.counts()].sort()).toEqual([
      ['-1001', 1],
      ['-1003', 1],
    ]);
    const sragen = api.deliveries.find((d) => d.chatId === '-1001')!;
    expect(sragen.parseMode).toBe('HTML');
    expect(sragen.text).toContain('<b>Pengingat tenggat H-7: Bimtek I: Analisis Strategis</b>');
    expect(sragen.text).toContain('Kabupaten Sragen: tahap ini harus selesai paling lambat <b>Selasa, 31 Maret 2026</b> (WIB), 7 hari lagi.');
    expect(sragen.text).toContain('Kemajuan checklist: <b>1/3</b> butir selesai.');
    expect(sragen.text).toContain('• Analisis SWOT &amp; kesenjangan (BT1-02)');
    expect(sragen.text).not.toContain('SK Dewan Smart City');
    expect(sragen.text).toContain('/checklist');
    const jayapura = api.deliveries.find((d) => d.chatId === '-1003')!;
    // Caught up on the H-14 slot, but says how many days are really left, in WIT.
    expect(jayapura.text).toContain('<b>Jumat, 3 April 2026</b> (WIT), 10 hari lagi');

    // Running again (the scheduler does, every minute) delivers nothing twice.
    const again = await runCli(db, ['reminders', 'run', '--now', new Date(NOW.getTime() + 60_000).toISOString(), '--json'], {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
    });
    expect(JSON.parse(again.stdout)).toMatchObject({ sent: 0, enqueued: 0 });
    expect(api.deliveries).toHaveLength(2);
    const sent = (await outboxRows(db)).filter((r) => r.status === 'sent');
    expect(sent.map((r) => [r.chatId, r.offset])).toEqual([
      ['-1003', 14],
      ['-1001', 7],
    ]);
    // Slack rows wait for a Slack sender instead of being lost.
    expect((await outboxRows(db)).find((r) => r.platform === 'slack')?.status).toBe('pending');
  });

  it('escapes HTML in stage names and warns when overdue', async () => {
    const now = '2026-05-02T02:00:00Z'; // Bimtek II (due 30 April) is 2 days overdue everywhere
    await db.query(`INSERT INTO stage_completions (region_code, stage_id, source) VALUES ('33.14', 'bimtek-1', 'checklist'),
      ('91.71', 'bimtek-1', 'checklist')`);
    await planAndEnqueue(db, { now: new Date(now) });
    await dispatcher(at(now)).dispatch();
    const texts = api.deliveries.map((d) => d.text);
    expect(texts).toHaveLength(3);
    for (const t of texts) {
      expect(t).toContain('Tenggat terlewat: Bimtek II &lt;Pemetaan &amp; Program&gt;');
      expect(t).toContain('sudah lewat 2 hari');
      expect(t).toContain('Checklist tahap ini belum tersedia di Pandu.');
    }
  });

  it('enqueueing is idempotent and a moved deadline re-plans pending rows without duplicates', async () => {
    const first = await planAndEnqueue(db, { now: NOW, horizonDays: 14 });
    expect(first.inserted).toBe(17);
    const again = await planAndEnqueue(db, { now: NOW, horizonDays: 14 });
    expect(again).toMatchObject({ inserted: 0, rescheduled: 0, cancelled: 0 });

    // Deliver today's catch-up (Sragen H-7), then the secretariat postpones Sragen's Bimtek I to 10 April.
    await dispatcher(at(NOW.toISOString())).dispatch();
    expect(api.counts().get('-1001')).toBe(1);
    await seedCalendar(db, { ...CALENDAR_SPEC, overrides: [{ region: '33.14', stage: 'bimtek-1', due: '2026-04-10' }, ...CALENDAR_SPEC.overrides] });
    const moved = await planAndEnqueue(db, { now: new Date('2026-03-24T03:00:00Z'), horizonDays: 30 });
    expect(moved.cancelled).toBe(4); // H-3, H-1, H-0, H+1 of 31 March
    const rows = (await outboxRows(db)).filter((r) => r.chatRef === chats.sragen && r.stageId === 'bimtek-1');
    const live = rows.filter((r) => r.status === 'pending').map((r) => `${r.dueOn} ${r.offset}`);
    expect(live).toEqual(['2026-04-10 14', '2026-04-10 7', '2026-04-10 3', '2026-04-10 1', '2026-04-10 0', '2026-04-10 -1', '2026-04-10 -8']);
    // The old H-7 stays as the record of what was sent.
    expect(rows.filter((r) => r.status === 'sent').map((r) => `${r.dueOn} ${r.offset}`)).toEqual(['2026-03-31 7']);

    // The new H-14 slot (27 March) lies after the H-7 just sent: it goes out then, once.
    await dispatcher(at('2026-03-27T02:00:00Z')).dispatch();
    await dispatcher(at('2026-03-27T02:05:00Z')).dispatch();
    expect(api.counts().get('-1001')).toBe(2);
    expect(api.deliveries.at(-1)!.text).toContain('<b>Jumat, 10 April 2026</b> (WIB), 14 hari lagi');
  });

  it('after downtime sends only the most recent missed reminder and marks the older ones skipped', async () => {
    // Enqueued on 10 March for the coming three weeks, then Pandu was down until 30 March 10:00 WIB.
    await planAndEnqueue(db, { now: new Date('2026-03-10T00:00:00Z'), horizonDays: 21 });
    const back = '2026-03-30T03:00:00Z';
    await planAndEnqueue(db, { now: new Date(back) });
    const summary = await dispatcher(at(back)).dispatch();
    expect(api.counts().get('-1001')).toBe(1);
    expect(api.deliveries.find((d) => d.chatId === '-1001')!.text).toContain('H-1');
    const sragen = (await outboxRows(db)).filter((r) => r.chatRef === chats.sragen && r.sendAt <= new Date(back));
    expect(sragen.map((r) => `${r.offset} ${r.status}`)).toEqual(['14 skipped', '7 skipped', '3 skipped', '1 sent']);
    expect(summary.skipped).toBeGreaterThanOrEqual(3);
  });

  it('a completed stage is not reminded even when its row was already queued', async () => {
    await planAndEnqueue(db, { now: NOW });
    for (const id of ['BT1-01', 'BT1-02', 'BT1-03']) await setChecklistItem(db, { regionCode: '33.14', itemId: id, done: true, by: 'uji' });
    const s = await dispatcher(at(NOW.toISOString())).dispatch();
    expect(api.counts().get('-1001')).toBeUndefined();
    expect(s.cancelled).toBe(1);
    expect((await outboxRows(db)).find((r) => r.chatRef === chats.sragen)?.lastError).toBe('tahap sudah selesai');
  });

  it('a group that removed the bot is deactivated, reported for the digest and not retried', async () => {
    api.block('-1001', 'Forbidden: bot was kicked from the group chat');
    api.gone('-1003');
    await planAndEnqueue(db, { now: NOW, horizonDays: 14 });
    const s = await dispatcher(at(NOW.toISOString())).dispatch();
    expect(s).toMatchObject({ sent: 0, failed: 2, deactivated: 2 });
    const chatRows = await db.query<{ chat_id: string; active: boolean; deactivated_reason: string }>(
      `SELECT chat_id, active, deactivated_reason FROM chats WHERE chat_id IN ('-1001', '-1003') ORDER BY chat_id`,
    );
    expect(chatRows).toEqual([
      { chat_id: '-1001', active: false, deactivated_reason: '403 Forbidden: bot was kicked from the group chat' },
      { chat_id: '-1003', active: false, deactivated_reason: '400 Bad Request: chat not found' },
    ]);
    // Its other queued reminders are cancelled; nothing more is planned for it.
    const rest = (await outboxRows(db)).filter((r) => r.chatRef === chats.sragen && r.status !== 'failed');
    expect(rest.every((r) => r.status === 'cancelled')).toBe(true);
    const plan = JSON.parse((await runCli(db, ['reminders', 'plan', '--now', NOW.toISOString(), '--json'])).stdout) as unknown[];
    expect(plan.filter((p) => (p as { platform: string }).platform === 'telegram')).toEqual([]);

    const problems = await reminderProblems(db, new Date('2026-03-01T00:00:00Z'));
    expect(problems.filter((p) => p.kind === 'deactivated').map((p) => p.chatId).sort()).toEqual(['-1001', '-1003']);
    expect(problems.filter((p) => p.kind === 'failed').map((p) => `${p.chatId} ${p.stageId}`).sort()).toEqual([
      '-1001 bimtek-1',
      '-1003 bimtek-1',
    ]);
  });

  it('retries a transient failure with backoff and then delivers once', async () => {
    await planAndEnqueue(db, { now: NOW });
    api.fail({ method: 'sendMessage', times: 2, error_code: 502, description: 'Bad Gateway' });
    const s1 = await dispatcher(at(NOW.toISOString())).dispatch();
    expect(s1).toMatchObject({ sent: 0, retrying: 2 });
    const waiting = (await outboxRows(db)).filter((r) => r.platform === 'telegram' && r.sendAt <= NOW);
    expect(waiting.every((r) => r.status === 'pending' && r.attempts === 1 && r.lastError === '502 Bad Gateway')).toBe(true);
    // Not before the backoff (30 s) has passed...
    expect((await dispatcher(at('2026-03-24T02:00:20Z')).dispatch()).sent).toBe(0);
    // ...then delivered, once.
    expect((await dispatcher(at('2026-03-24T02:00:31Z')).dispatch()).sent).toBe(2);
    expect([...api.counts().values()]).toEqual([1, 1]);
  });

  it('gives up after the last attempt and reports the failure', async () => {
    await planAndEnqueue(db, { now: NOW });
    api.fail({ method: 'sendMessage', times: 100, error_code: 502, description: 'Bad Gateway' });
    const d = dispatcher(at(NOW.toISOString()), { maxAttempts: 2, backoffMs: () => 0 });
    await d.dispatch();
    const s = await d.dispatch();
    expect(s.failed).toBe(2);
    expect(api.deliveries).toHaveLength(0);
    expect((await reminderProblems(db, NOW)).filter((p) => p.kind === 'failed')).toHaveLength(2);
  });

  it('honours 429 retry_after and still delivers everything exactly once', async () => {
    await api.close();
    api = await startFakeTelegram({ token: TOKEN, ratePerSec: 3, retryAfterSec: 1 });
    for (let i = 0; i < 6; i++) await bindChat(db, { chatId: `-20${i}`, regionCode: '33.14' });
    await planAndEnqueue(db, { now: NOW });
    const started = performance.now();
    const s = await dispatcher(at(NOW.toISOString())).dispatch();
    expect(s.sent).toBe(8);
    expect(s.rateLimited).toBeGreaterThan(0);
    expect(api.rateLimited()).toBe(s.rateLimited);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000); // waited retry_after
    expect([...api.counts().values()].every((n) => n === 1)).toBe(true);
    expect(api.deliveries).toHaveLength(8);
  });

  it('takes over rows a dead dispatcher left in sending: at once on the embedded database, after the lease on PostgreSQL', async () => {
    await planAndEnqueue(db, { now: NOW });
    await db.query(
      `UPDATE reminder_outbox SET status = 'sending', claimed_by = 'dead-host:1:ffff', claimed_at = $1, attempts = 1
        WHERE send_at <= $1`,
      [NOW.toISOString()],
    );
    const soon = await dispatcher(at('2026-03-24T02:00:30Z')).dispatch();
    if (backend === 'pglite') {
      expect(soon).toMatchObject({ sent: 2, reclaimed: 2 });
    } else {
      expect(soon.sent).toBe(0); // another live process may still be sending them
      const later = await dispatcher(at('2026-03-24T02:02:01Z')).dispatch();
      expect(later).toMatchObject({ sent: 2, reclaimed: 2 });
    }
    expect([...api.counts().values()]).toEqual([1, 1]);
  });

  it('two dispatchers at once deliver each reminder once', async () => {
    for (let i = 0; i < 30; i++) await bindChat(db, { chatId: `-30${i}`, regionCode: i % 2 ? '33.14' : '91.71' });
    await planAndEnqueue(db, { now: NOW });
    api.delay('sendMessage', 5);
    // Same process: on PostgreSQL the two claim over separate pool connections (SKIP LOCKED);
    // the cross-process case is in processes.test.ts.
    const a = dispatcher(at(NOW.toISOString()), { batchSize: 4 });
    const b = dispatcher(at(NOW.toISOString()), { batchSize: 4 });
    const [sa, sb] = await Promise.all([a.dispatch(), b.dispatch()]);
    expect(sa.sent + sb.sent).toBe(32);
    expect(sa.sent).toBeGreaterThan(0);
    expect(sb.sent).toBeGreaterThan(0);
    expect(api.deliveries).toHaveLength(32);
    expect(new Set(api.deliveries.map((d) => d.chatId)).size).toBe(32);
  });

  it('the scheduler in `pandu start` catches up at once, then sends each slot on its tick; stop waits', async () => {
    let clock = NOW.getTime();
    const scheduler = startReminderScheduler({
      db,
      senders: { telegram: sender() },
      logger: silent,
      now: () => new Date(clock),
      pattern: '* * * * * *', // every second instead of every minute
    });
    try {
      const deliveries = (n: number) => waitFor(() => api.deliveries.length >= n, { timeout: 10_000, what: `${n} deliveries` });
      await deliveries(2); // Sragen H-7 and Jayapura H-14, caught up without waiting for a tick
      expect(api.deliveries.map((d) => d.chatId).sort()).toEqual(['-1001', '-1003']);
      clock = Date.parse('2026-03-26T23:00:30Z'); // Jayapura's H-7, 08:00 WIT on 27 March
      await deliveries(3);
      expect(api.deliveries.at(-1)!.chatId).toBe('-1003');
      expect(api.deliveries.at(-1)!.text).toContain('H-7');
    } finally {
      await scheduler.stop();
    }
    expect(api.deliveries).toHaveLength(3);
  });

  it('stopping hands back the reminders not yet sent, and the next run sends them once', async () => {
    for (let i = 0; i < 8; i++) await bindChat(db, { chatId: `-40${i}`, regionCode: '33.14' });
    await planAndEnqueue(db, { now: NOW });
    const slow = dispatcher(at(NOW.toISOString()), {}, 2);
    const running = slow.dispatch();
    await waitFor(() => api.deliveries.length > 0, { timeout: 10_000, what: 'the first delivery' });
    const t = performance.now();
    await slow.stop();
    expect(performance.now() - t).toBeLessThan(1_000);
    const first = await running;
    expect(first.sent).toBeGreaterThan(0);
    expect(first.sent).toBeLessThan(10);
    const rest = await dispatcher(at(NOW.toISOString())).dispatch();
    expect(first.sent + rest.sent).toBe(10);
    expect(api.deliveries).toHaveLength(10);
    expect(new Set(api.deliveries.map((d) => d.chatId)).size).toBe(10);
  });

  it('`reminders run` without a Telegram token queues but says in one line what to set; bad --now is a usage error', async () => {
    const r = await runCli(db, ['reminders', 'run', '--now', NOW.toISOString()]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('TELEGRAM_BOT_TOKEN belum diatur');
    expect(r.stdout).toMatch(/^Pengingat: 0 terkirim, .* \d+ baru dijadwalkan\.\n$/);
    expect((await outboxRows(db)).length).toBeGreaterThan(0);
    const bad = await runCli(db, ['reminders', 'plan', '--now', 'kemarin']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--now harus berupa waktu ISO 8601');
  });
});

