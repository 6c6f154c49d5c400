import pino, { type Logger } from 'pino';
import { Registry } from 'prom-client';
import { createTelegramBot, type TelegramBot, type TelegramBotOptions } from '../../../src/bots/telegram/index.ts';
import type { Db } from '../../../src/db/index.ts';
import { calendarYaml, seedBimtek1Checklist, seedCalendar as seedCalendarYaml } from '../../support/programme.ts';
import { createHttpServer, type HttpServer } from '../../../src/server/http.ts';
import { startFakeTelegram, type FakeChat, type FakeTelegram, type FakeUser } from '../../support/fake-telegram.ts';
import { createFakeAnswers, type FakeAnswers } from '../../support/fake-answers.ts';

export type Mode = 'polling' | 'webhook';
export const modes: Mode[] = ['polling', 'webhook'];

/** 09:00 WIB on Tuesday 24 March 2026: Bimtek I is due in 7 days in Sragen. */
export const NOW = new Date('2026-03-24T02:00:00Z');
export const WEBHOOK_SECRET = 'rahasia_uji-123';

export const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export const users = {
  sari: { id: 501, first_name: 'Sari', username: 'sari_pemda' },
  budi: { id: 601, first_name: 'Budi', last_name: 'Santoso' },
  rina: { id: 602, first_name: 'Rina' },
  joko: { id: 603, first_name: 'Joko' },
} satisfies Record<string, FakeUser>;

export const privateChat = (u: FakeUser): FakeChat => ({ id: u.id, type: 'private', first_name: u.first_name });
export const group: FakeChat = { id: -1001002003, type: 'supergroup', title: 'Tim Smart City Sragen' };
export const otherGroup: FakeChat = { id: -1001002004, type: 'supergroup', title: 'Tim Smart City Makassar' };

/** A small cohort calendar; stage names carry characters HTML must escape. */
export const CALENDAR = calendarYaml({
  cohort: 2026,
  title: 'Kalender uji Telegram',
  regions: ['33.14', '91.71'],
  stages: [
    { id: 'bimtek-1', name: 'Bimtek I: Analisis <Strategis> & Kesiapan', due: '2026-03-31' },
    { id: 'bimtek-2', name: 'Bimtek II: Masterplan', due: '2026-04-30' },
  ],
  overrides: [{ region: '91.71', stage: 'bimtek-1', due: '2026-04-03', reason: 'akses terbatas' }],
});

export async function seedProgramme(db: Db): Promise<void> {
  await seedCalendarYaml(db, CALENDAR);
  await seedBimtek1Checklist(db, {
    stageName: 'Bimtek I: Analisis <Strategis> & Kesiapan',
    titles: ['SK Dewan Smart City', 'Analisis SWOT & kesenjangan', 'Buku 1: Analisis Strategis'],
  });
}

export async function bindDirect(db: Db, chatId: number, regionCode: string): Promise<void> {
  await db.query(
    `INSERT INTO chats (platform, chat_id, region_code, bound_by, bound_at) VALUES ('telegram', $1, $2, 'uji', now())
     ON CONFLICT (platform, chat_id) DO UPDATE SET region_code = EXCLUDED.region_code`,
    [String(chatId), regionCode],
  );
}

export interface Harness {
  readonly tg: FakeTelegram;
  readonly answers: FakeAnswers;
  readonly telegram: TelegramBot;
  readonly server: HttpServer | null;
  readonly webhookUrl: string | null;
  readonly clock: { now: Date };
  /** Waits until the update was taken and every answer it started has been sent. */
  settle(updateId: number): Promise<void>;
  /** Bot messages in a chat (texts as users see them). */
  texts(chatId: number): string[];
  stop(): Promise<void>;
}

export async function startHarness(
  db: Db,
  o: { mode?: Mode; options?: TelegramBotOptions; tg?: FakeTelegram; answers?: FakeAnswers; logger?: Logger } = {},
): Promise<Harness> {
  const mode = o.mode ?? 'polling';
  const tg = o.tg ?? (await startFakeTelegram());
  const answers = o.answers ?? createFakeAnswers();
  const clock = { now: NOW };
  let server: HttpServer | null = null;
  let webhookUrl: string | null = null;
  if (mode === 'webhook') {
    server = createHttpServer({ logger: silent, readiness: async () => ({ ready: true, checks: {} }), metrics: new Registry() });
    const { url } = await server.listen(0, '127.0.0.1');
    webhookUrl = `${url}/telegram/webhook`;
  }
  const telegram = createTelegramBot(
    {
      config: {
        telegram: {
          token: tg.token,
          apiRoot: tg.apiRoot,
          webhookUrl: webhookUrl ?? undefined,
          webhookSecret: webhookUrl ? WEBHOOK_SECRET : undefined,
        },
      },
      logger: o.logger ?? silent,
      db,
      answers,
      now: () => clock.now,
    },
    { pollingTimeoutSec: 5, ...o.options },
  );
  if (server) telegram.mountWebhook(server);
  await telegram.start();
  return {
    tg,
    answers,
    telegram,
    server,
    webhookUrl,
    clock,
    async settle(updateId) {
      await tg.waitConfirmed(updateId);
      await telegram.idle();
    },
    texts: (chatId) => tg.sent(chatId).map((m) => m.text),
    async stop() {
      await telegram.stop();
      await server?.close();
      if (!o.tg) await tg.close();
    },
  };
}
