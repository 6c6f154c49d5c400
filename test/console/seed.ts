import type { Db } from '../../src/db/index.ts';
import { calendarYaml, seedBimtek1Checklist, seedCalendar } from '../support/programme.ts';

/** 09:00 WIB on Tuesday 24 March 2026. */
export const NOW = new Date('2026-03-24T02:00:00Z');

const STAGE_NAMES = [
  ['pembentukan-tim', 'Pembentukan Dewan & Tim Pelaksana'],
  ['bimtek-1', 'Bimtek I: Analisis Strategis'],
  ['bimtek-2', 'Bimtek II: Pemetaan Program'],
  ['bimtek-3', 'Bimtek III: Masterplan'],
  ['bimtek-4', 'Bimtek IV: Finalisasi'],
] as const;

/** The five stages of the console's cohorts, due on the given dates. */
const stages = (dates: readonly [string, string, string, string, string]) => STAGE_NAMES.map(([id, name], i) => ({ id, name, due: dates[i]! }));

/**
 * Cohort 2025 (three regions): everything up to Bimtek III was due by now; Surakarta is
 * late for Bimtek III. Cohort 2026 (eight regions): the team and Bimtek I were due on
 * 27 February and 20 March; Jayapura's Bimtek I was moved to 3 April.
 */
export const CALENDAR_2025 = calendarYaml({
  cohort: 2025,
  title: 'Kalender uji konsol 2025',
  regions: ['33.72', '34.71', '36.71'],
  stages: stages(['2025-03-28', '2025-05-30', '2025-08-29', '2026-02-27', '2026-05-29']),
  completed: [
    { region: '33.72', stages: ['pembentukan-tim', 'bimtek-1', 'bimtek-2'] },
    { region: '34.71', stages: ['pembentukan-tim', 'bimtek-1', 'bimtek-2', 'bimtek-3'] },
    { region: '36.71', stages: ['pembentukan-tim', 'bimtek-1', 'bimtek-2', 'bimtek-3'] },
  ],
});

export const CALENDAR_2026 = calendarYaml({
  cohort: 2026,
  title: 'Kalender uji konsol 2026',
  regions: ['33.14', '73.71', '91.71', '35.78', '32.73', '63.71', '51.71', '12.71'],
  stages: stages(['2026-02-27', '2026-03-20', '2026-04-30', '2026-06-30', '2026-09-30']),
  overrides: [{ region: '91.71', stage: 'bimtek-1', due: '2026-04-03', reason: 'akses terbatas' }],
  completed: [
    { region: '73.71', stages: ['pembentukan-tim', 'bimtek-1'] },
    { region: '32.73', stages: ['pembentukan-tim', 'bimtek-1'] },
    { region: '35.78', stages: ['pembentukan-tim'] },
    { region: '51.71', stages: ['pembentukan-tim'] },
  ],
});

/** Regions late for some stage at NOW, with the stages they are late for. */
export const OVERDUE_AT_NOW: Readonly<Record<string, readonly string[]>> = {
  '12.71': ['pembentukan-tim', 'bimtek-1'], // Kota Medan
  '33.14': ['pembentukan-tim', 'bimtek-1'], // Kabupaten Sragen
  '33.72': ['bimtek-3'], // Kota Surakarta
  '35.78': ['bimtek-1'], // Kota Surabaya
  '51.71': ['bimtek-1'], // Kota Denpasar
  '63.71': ['pembentukan-tim', 'bimtek-1'], // Kota Banjarmasin
  '91.71': ['pembentukan-tim'], // Kota Jayapura (Bimtek I moved to 3 April)
};

export interface SeededChats {
  readonly sragen: number;
  readonly makassar: number;
  readonly jayapura: number;
  readonly surabaya: number;
}

/** Telegram group ids of the seeded chats (the fake Telegram API knows them too). */
export const GROUPS = { sragen: -1001002003, makassar: -1001002004, jayapura: -1001002005, surabaya: -1001002006 } as const;

async function chat(db: Db, o: { chatId: number; title: string; region: string; active?: boolean; reminders?: boolean; reason?: string }): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO chats (platform, chat_id, title, region_code, active, reminders_enabled, bound_by, bound_at, deactivated_at, deactivated_reason)
     VALUES ('telegram', $1, $2, $3, $4, $5, '501', '2026-02-02T03:00:00Z', $6, $7) RETURNING id`,
    [String(o.chatId), o.title, o.region, o.active ?? true, o.reminders ?? true, o.active === false ? '2026-03-18T01:00:00Z' : null, o.reason ?? null],
  );
  return row!.id;
}

async function outbox(db: Db, o: { chat: number; region: string; stage: string; due: string; offset: number; sendAt: string; status: string; error?: string }) {
  await db.query(
    `INSERT INTO reminder_outbox (chat_id, region_code, stage_id, due_on, offset_days, send_at, status, attempts, sent_at, last_error)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [o.chat, o.region, o.stage, o.due, o.offset, o.sendAt, o.status, o.status === 'failed' ? 5 : 1, o.status === 'sent' ? o.sendAt : null, o.error ?? null],
  );
}

/** The programme, chats, reminders and a checklist tick the console tests look at. */
export async function seedConsoleProgramme(db: Db): Promise<SeededChats> {
  await seedCalendar(db, CALENDAR_2025);
  await seedCalendar(db, CALENDAR_2026);
  await seedBimtek1Checklist(db, { stageName: 'Bimtek I: Analisis Strategis', titles: ['SK Dewan Smart City', 'Analisis SWOT & kesenjangan', 'Buku 1: Analisis Strategis'] });
  await db.query(
    `INSERT INTO checklist_progress (region_code, item_id, done, updated_by, updated_by_name, updated_at)
     VALUES ('33.14', 'BT1-01', true, '501', 'Sari', '2026-03-10T04:00:00Z')`,
  );
  const chats = {
    sragen: await chat(db, { chatId: GROUPS.sragen, title: 'Tim Smart City Sragen', region: '33.14' }),
    makassar: await chat(db, { chatId: GROUPS.makassar, title: 'Smart City Makassar', region: '73.71' }),
    jayapura: await chat(db, { chatId: GROUPS.jayapura, title: 'SC Jayapura', region: '91.71', active: false, reason: 'Forbidden: bot was kicked from the supergroup chat' }),
    surabaya: await chat(db, { chatId: GROUPS.surabaya, title: 'Surabaya Smart City', region: '35.78', reminders: false }),
  };
  await outbox(db, { chat: chats.sragen, region: '33.14', stage: 'bimtek-1', due: '2026-03-20', offset: 7, sendAt: '2026-03-13T01:00:00Z', status: 'sent' });
  await outbox(db, { chat: chats.sragen, region: '33.14', stage: 'bimtek-1', due: '2026-03-20', offset: 3, sendAt: '2026-03-17T01:00:00Z', status: 'sent' });
  await outbox(db, { chat: chats.makassar, region: '73.71', stage: 'bimtek-1', due: '2026-03-20', offset: 7, sendAt: '2026-03-13T00:00:00Z', status: 'sent' });
  await outbox(db, { chat: chats.sragen, region: '33.14', stage: 'pembentukan-tim', due: '2026-02-27', offset: -21, sendAt: '2026-03-20T01:00:00Z', status: 'sent' });
  await outbox(db, { chat: chats.sragen, region: '33.14', stage: 'bimtek-1', due: '2026-03-20', offset: -1, sendAt: '2026-03-21T01:00:00Z', status: 'failed', error: '502: Bad Gateway' });
  await outbox(db, { chat: chats.jayapura, region: '91.71', stage: 'pembentukan-tim', due: '2026-02-27', offset: -14, sendAt: '2026-03-12T23:00:00Z', status: 'cancelled', error: 'grup dinonaktifkan: Forbidden' });
  return chats;
}

/** A question as the answer service logs it (any column may be given). */
export async function addQuestion(
  db: Db,
  q: { question: string; at?: string; platform?: string; userId?: string; chatId?: string; region?: string; refused?: boolean; answer?: string; feedback?: -1 | 1; reason?: string; feedbackBy?: string; retrieved?: unknown[] },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO questions (asked_at, platform, chat_id, user_id, region_code, question, intent, refused, answer, citations, feedback, feedback_reason, feedback_by, feedback_at, retrieved)
     VALUES ($1, $2, $3, $4, $5, $6, 'rule', $7, $8, '[]', $9, $10, $11, CASE WHEN $9::smallint IS NULL THEN NULL ELSE $1::timestamptz END, $12::jsonb) RETURNING id`,
    [
      q.at ?? '2026-03-23T03:00:00Z',
      q.platform ?? 'telegram',
      q.chatId ?? null,
      q.userId ?? null,
      q.region ?? null,
      q.question,
      q.refused ?? false,
      q.answer ?? 'Jawaban uji.',
      q.feedback ?? null,
      q.reason ?? null,
      q.feedbackBy ?? q.userId ?? null,
      q.retrieved ? JSON.stringify(q.retrieved) : null,
    ],
  );
  return row!.id;
}
