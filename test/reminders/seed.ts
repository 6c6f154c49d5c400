import pino from 'pino';
import type { Db, Queryable } from '../../src/db/index.ts';
import { migrate } from '../../src/db/index.ts';
import { calendarYaml, seedBimtek1Checklist, seedCalendar as seedCalendarYaml, type CalendarSpec } from '../support/programme.ts';
import { loadRegistry, seedRegions } from '../../src/regions/index.ts';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.ts';

export const silent = pino({ level: 'silent' });

/**
 * A small cohort calendar of our own: Sragen (WIB), Makassar (WITA, Bimtek I already
 * completed) and Jayapura (WIT, with a postponed Bimtek I).
 */
export const CALENDAR_SPEC = {
  cohort: 2026,
  title: 'Kalender uji pengingat',
  regions: ['33.14', '73.71', '91.71'],
  stages: [
    { id: 'bimtek-1', name: 'Bimtek I: Analisis Strategis', due: '2026-03-31' },
    { id: 'bimtek-2', name: 'Bimtek II <Pemetaan & Program>', due: '2026-04-30' },
  ],
  overrides: [{ region: '91.71', stage: 'bimtek-1', due: '2026-04-03', reason: 'akses terbatas' }],
  completed: [{ region: '73.71', stages: ['bimtek-1'] }],
} satisfies CalendarSpec;

export const CALENDAR = calendarYaml(CALENDAR_SPEC);

export async function seedCalendar(db: Db, calendar: string | CalendarSpec = CALENDAR): Promise<void> {
  await seedCalendarYaml(db, calendar);
}

export async function seedChecklist(db: Db): Promise<void> {
  await seedBimtek1Checklist(db, {
    stageName: 'Bimtek I: Analisis Strategis',
    titles: ['SK Dewan Smart City', 'Analisis SWOT & kesenjangan', 'Buku 1: Analisis Strategis'],
  });
}

export async function bindChat(
  db: Queryable,
  input: { chatId: string; regionCode: string; platform?: 'telegram' | 'slack'; remindersEnabled?: boolean; boundAt?: string },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO chats (platform, chat_id, region_code, active, reminders_enabled, bound_by, bound_at)
     VALUES ($1, $2, $3, true, $4, 'uji', $5) RETURNING id`,
    [input.platform ?? 'telegram', input.chatId, input.regionCode, input.remindersEnabled ?? true, input.boundAt ?? '2026-03-01T00:00:00Z'],
  );
  return row!.id;
}

export { runCli } from '../support/cli.ts';

/** For the process tests: after 08:00 local in WIB, WITA and WIT, so H-0 is due everywhere. */
export const NOW = '2026-03-24T02:00:00Z';
export const TOKEN = '123:uji';

export function calendarFor(codes: readonly string[]): string {
  return calendarYaml({ cohort: 2026, title: 'Kalender uji crash', regions: codes, stages: [{ id: 'bimtek-1', name: 'Bimtek I: Analisis Strategis', due: '2026-03-24' }] });
}

export async function seedGroups(db: Db, groups: number): Promise<string[]> {
  await migrate(db);
  await seedRegions(db);
  const codes = loadRegistry()
    .slice(0, groups)
    .map((r) => r.code);
  await seedCalendar(db, calendarFor(codes));
  const chatIds: string[] = [];
  for (const [i, code] of codes.entries()) {
    const chatId = `-100${1000 + i}`;
    await bindChat(db, { chatId, regionCode: code });
    chatIds.push(chatId);
  }
  return chatIds;
}

export const exactlyOnce = (api: FakeTelegram, chatIds: readonly string[]) => {
  const counts = api.counts();
  return chatIds.filter((c) => counts.get(c) !== 1).map((c) => `${c}: ${counts.get(c) ?? 0}`);
};

/**
 * A fake Telegram whose sends take `delayMs` (the network and Telegram take time, so requests
 * are in flight), and the environment that points a `pandu` process at it and at the database.
 */
export async function telegramForProcesses(databaseUrl: string, delayMs: number): Promise<{ api: FakeTelegram; env: Record<string, string> }> {
  const api = await startFakeTelegram({ token: TOKEN });
  api.delay('sendMessage', delayMs);
  return { api, env: { DATABASE_URL: databaseUrl, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot } };
}
