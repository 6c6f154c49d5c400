import type { Db } from '../../src/db/index.ts';

/** A small deterministic PRNG (mulberry32): the same data on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/**
 * Chats for most cohort regions (some deactivated), checklists for every stage with ticks,
 * and an outbox of about 60 reminders per chat in every status.
 */
export async function seedWork(db: Db, now: Date): Promise<void> {
  const r = random(17);
  const regions = (await db.query<{ code: string }>('SELECT code FROM regions WHERE cohort IS NOT NULL ORDER BY code')).map((x) => x.code);
  const stages = (await db.query<{ id: string }>('SELECT id FROM stages ORDER BY ordinal')).map((x) => x.id);
  const bound = regions.filter(() => r() < 0.85);
  await db.query(
    `INSERT INTO chats (platform, chat_id, title, region_code, active, bound_by, bound_at, deactivated_at, deactivated_reason)
     SELECT 'telegram', '-100' || (2000000 + i), 'Grup ' || code, code, i % 30 <> 0, 'bench', '2025-01-10T00:00:00Z',
            CASE WHEN i % 30 = 0 THEN '2026-03-01T00:00:00Z'::timestamptz END,
            CASE WHEN i % 30 = 0 THEN 'Forbidden: bot was kicked from the group chat' END
       FROM unnest($1::text[]) WITH ORDINALITY AS x(code, i)`,
    [bound],
  );
  const items: { id: string; stage: string; ordinal: number }[] = [];
  stages.forEach((stage, s) => {
    for (let i = 1; i <= 8; i++) items.push({ id: `S${s + 1}-${String(i).padStart(2, '0')}`, stage, ordinal: i });
  });
  await db.query(
    `INSERT INTO checklist_items (id, stage_id, ordinal, title, description, output, required)
     SELECT id, stage, ordinal, 'Butir ' || id, 'Uraian butir ' || id, 'Keluaran ' || id, ordinal <= 6
       FROM json_to_recordset($1::json) AS x(id text, stage text, ordinal int)`,
    [JSON.stringify(items)],
  );
  const ticks = regions.flatMap((code) => items.filter(() => r() < 0.3).map((i) => ({ code, item: i.id })));
  await db.query(
    `INSERT INTO checklist_progress (region_code, item_id, done, updated_by, updated_by_name, updated_at)
     SELECT code, item, true, '1', 'Petugas', $2 FROM json_to_recordset($1::json) AS x(code text, item text)`,
    [JSON.stringify(ticks), now.toISOString()],
  );
  const chats = await db.query<{ id: number; region_code: string }>('SELECT id, region_code FROM chats');
  const statuses = ['sent', 'sent', 'sent', 'sent', 'sent', 'sent', 'failed', 'pending', 'skipped', 'cancelled'];
  const offsets = [14, 7, 3, 1, 0, -1, -8];
  const rows: unknown[] = [];
  for (const c of chats) {
    for (const [s, stage] of stages.entries()) {
      for (const offset of offsets) {
        if (r() < 0.05) continue;
        const due = new Date(now.getTime() - (stages.length - s) * 40 * 86_400_000);
        const sendAt = new Date(due.getTime() - offset * 86_400_000);
        rows.push({ chat: c.id, region: c.region_code, stage, due: due.toISOString().slice(0, 10), offset, sendAt: sendAt.toISOString(), status: pick(r, statuses) });
      }
    }
  }
  for (let i = 0; i < rows.length; i += 10_000) {
    await db.query(
      `INSERT INTO reminder_outbox (chat_id, region_code, stage_id, due_on, offset_days, send_at, status, attempts, sent_at, last_error)
       SELECT chat, region, stage, due::date, "offset", "sendAt"::timestamptz, status, 1,
              CASE WHEN status = 'sent' THEN "sendAt"::timestamptz END, CASE WHEN status = 'failed' THEN '502: Bad Gateway' END
         FROM json_to_recordset($1::json) AS x(chat int, region text, stage text, due text, "offset" int, "sendAt" text, status text)`,
      [JSON.stringify(rows.slice(i, i + 10_000))],
    );
  }
}

const SUBJECTS = ['tenggat Bimtek I', 'checklist Bimtek II', 'keluaran Buku 1', 'nota kesepahaman', 'quick win bidang kesehatan', 'dewan smart city', 'masterplan', 'presentasi akhir'];
const OPENERS = ['Kapan', 'Apa saja', 'Bagaimana cara', 'Siapa yang menandatangani', 'Berapa lama', 'Mohon info'];
const SNIPPET = 'Bimbingan teknis membahas analisis kesiapan daerah, analisis SWOT dan visi kota cerdas; keluarannya diserahkan paling lambat satu bulan setelah kegiatan.';

/** `count` logged questions over the last 200 days, shaped like the answer service's rows. */
export async function seedQuestions(db: Db, now: Date, count: number): Promise<void> {
  const r = random(42);
  const regions = (await db.query<{ code: string }>('SELECT code FROM regions WHERE cohort IS NOT NULL')).map((x) => x.code);
  const citation = { document: 'corpus/panduan/06-bimtek-1.md', title: 'Panduan Bimtek I', heading: 'Panduan > Keluaran', page: null, snippet: SNIPPET, score: 0.8 };
  const batch = 5_000;
  for (let start = 0; start < count; start += batch) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const refused = r() < 0.15;
      const vote = r();
      const platform = r() < 0.8 ? 'telegram' : r() < 0.75 ? 'slack' : 'cli';
      rows.push({
        at: new Date(now.getTime() - Math.floor(r() * 200 * 86_400_000)).toISOString(),
        platform,
        chat: platform === 'cli' ? null : String(-1_000_000 - Math.floor(r() * 400)),
        user: platform === 'cli' ? null : String(10_000 + Math.floor(r() * 3_000)),
        region: r() < 0.8 ? pick(r, regions) : null,
        question: `${pick(r, OPENERS)} ${pick(r, SUBJECTS)} untuk wilayah kami? (${i})`,
        intent: pick(r, ['rule', 'rule', 'deadline', 'checklist', 'greeting']),
        refused,
        answer: refused ? 'Maaf, saya belum menemukan jawabannya di dokumen program.' : `${SNIPPET} ${SNIPPET}`,
        citations: refused ? [] : [citation],
        retrieved: Array.from({ length: 6 }, (_, k) => ({ ...citation, score: 1 - k * 0.1 })),
        feedback: vote < 0.03 ? -1 : vote < 0.05 ? 1 : null,
        reason: vote < 0.03 ? pick(r, ['salah', 'kurang_lengkap', 'tidak_relevan']) : null,
        latency: 20 + Math.floor(r() * 400),
      });
    }
    await db.query(
      `INSERT INTO questions (asked_at, platform, chat_id, user_id, region_code, question, intent, refused, answer, citations, retrieved,
                              feedback, feedback_reason, feedback_by, feedback_at, latency_ms)
       SELECT at::timestamptz, platform, chat, "user", region, question, intent, refused, answer, citations, retrieved,
              feedback, reason, CASE WHEN feedback IS NOT NULL THEN "user" END, CASE WHEN feedback IS NOT NULL THEN at::timestamptz END, latency
         FROM json_to_recordset($1::json) AS x(at text, platform text, chat text, "user" text, region text, question text, intent text,
              refused boolean, answer text, citations jsonb, retrieved jsonb, feedback smallint, reason text, latency int)`,
      [JSON.stringify(rows)],
    );
  }
}
