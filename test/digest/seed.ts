import pino from 'pino';
import type { Db } from '../../src/db/index.ts';
import { calendarYaml, seedBimtek1Checklist, seedCalendar as seedCalendarYaml, type CalendarSpec } from '../support/programme.ts';

export const silent = pino({ level: 'silent' });

/** Monday 23 November 2026, 08:00 WIB: the default weekly digest slot (ISO week 2026-W48). */
export const MONDAY = new Date('2026-11-23T01:00:00Z');

/**
 * A small cohort of our own. Bimtek I was due 31 October: Makassar completed it (calendar)
 * and Surabaya by its checklist, so Sragen and Jayapura are overdue. Bimtek II is due
 * 30 November (Jayapura: 4 December), Bimtek III next year.
 */
export const CALENDAR = calendarYaml({
  cohort: 2026,
  title: 'Kalender uji ringkasan',
  regions: ['33.14', '73.71', '91.71', '35.78'],
  stages: [
    { id: 'bimtek-1', name: 'Bimtek I: Analisis Strategis', due: '2026-10-31' },
    { id: 'bimtek-2', name: 'Bimtek II: Penyusunan Masterplan', due: '2026-11-30' },
    { id: 'bimtek-3', name: 'Bimtek III: Quick Win', due: '2027-01-31' },
  ],
  overrides: [{ region: '91.71', stage: 'bimtek-2', due: '2026-12-04', reason: 'akses terbatas' }],
  completed: [{ region: '73.71', stages: ['bimtek-1'] }],
});

export async function seedCalendar(db: Db, calendar: string | CalendarSpec = CALENDAR): Promise<void> {
  await seedCalendarYaml(db, calendar);
}

export async function seedChecklist(db: Db): Promise<void> {
  await seedBimtek1Checklist(db, { stageName: 'Bimtek I: Analisis Strategis', titles: ['SK Dewan Smart City', 'Analisis SWOT', 'Buku 1'] });
}

export async function addChat(
  db: Db,
  input: { chatId: string; regionCode: string; active?: boolean; deactivatedAt?: string; reason?: string; title?: string },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO chats (platform, chat_id, title, region_code, active, bound_by, bound_at, deactivated_at, deactivated_reason)
     VALUES ('telegram', $1, $2, $3, $4, 'uji', '2026-10-01T00:00:00Z', $5, $6) RETURNING id`,
    [input.chatId, input.title ?? null, input.regionCode, input.active ?? true, input.deactivatedAt ?? null, input.reason ?? null],
  );
  return row!.id;
}

export async function addQuestion(
  db: Db,
  q: { question: string; at: string; refused?: boolean; feedback?: -1 | 1; feedbackAt?: string; answer?: string; intent?: string },
): Promise<void> {
  await db.query(
    `INSERT INTO questions (asked_at, platform, question, intent, refused, answer, feedback, feedback_at)
     VALUES ($1, 'telegram', $2, $3, $4, $5, $6, $7)`,
    [q.at, q.question, q.intent ?? 'rule', q.refused ?? false, q.answer ?? 'Jawaban uji.', q.feedback ?? null, q.feedbackAt ?? null],
  );
}

/**
 * The seeded programme the digest tests read: overdue Sragen and Jayapura, a deactivated
 * Makassar group, a failed reminder, a week of questions with a refusal and a 👎.
 */
export async function seedProgramme(db: Db): Promise<void> {
  await seedCalendar(db);
  await seedChecklist(db);
  for (const item of ['BT1-01', 'BT1-02', 'BT1-03']) {
    await db.query(`INSERT INTO checklist_progress (region_code, item_id, done, updated_by) VALUES ('35.78', $1, true, 'uji')`, [item]);
  }
  await db.query(`INSERT INTO stage_completions (region_code, stage_id, source) VALUES ('35.78', 'bimtek-1', 'checklist')`);
  await db.query(`INSERT INTO checklist_progress (region_code, item_id, done, updated_by) VALUES ('33.14', 'BT1-01', true, 'uji')`);

  const sragen = await addChat(db, { chatId: '-1001', regionCode: '33.14', title: 'Tim Smart City Sragen' });
  await addChat(db, { chatId: '-1002', regionCode: '73.71', active: false, deactivatedAt: '2026-11-20T03:00:00Z', reason: 'Forbidden: bot was kicked from the group chat' });
  await addChat(db, { chatId: '-1004', regionCode: '35.78' });
  await db.query(
    `INSERT INTO reminder_outbox (chat_id, region_code, stage_id, due_on, offset_days, send_at, status, attempts, last_error)
     VALUES ($1, '33.14', 'bimtek-1', '2026-10-31', -21, '2026-11-21T01:00:00Z', 'failed', 6, '502: Bad Gateway')`,
    [sragen],
  );

  const inWeek = (day: number, hour = 3) => `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;
  for (let i = 0; i < 3; i++) await addQuestion(db, { question: 'Kapan tenggat Bimtek II?', at: inWeek(17 + i) });
  await addQuestion(db, { question: 'kapan tenggat bimtek ii', at: inWeek(20) });
  await addQuestion(db, { question: 'Apa saja keluaran Bimtek I?', at: inWeek(18) });
  await addQuestion(db, { question: 'Berapa anggaran hibah untuk kota kami?', at: inWeek(19), refused: true });
  await addQuestion(db, { question: 'Berapa anggaran hibah untuk kota kami', at: inWeek(21), refused: true });
  await addQuestion(db, {
    question: 'Siapa mentor Bimtek II?',
    at: inWeek(21),
    answer: 'Mentor ditetapkan oleh sekretariat.',
    feedback: -1,
    feedbackAt: inWeek(21, 5),
  });
  // Outside the week: not counted.
  await addQuestion(db, { question: 'Pertanyaan lama yang tidak dihitung', at: '2026-11-10T03:00:00Z', refused: true });
}

export { runCli } from '../support/cli.ts';
