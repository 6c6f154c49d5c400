import { Where, type Queryable } from '../db/index.ts';

/**
 * The question log as staff read it: filtered pages, full-text search, one question
 * with its answer, citations and retrieved passages, and an export in batches.
 */

export type FeedbackFilter = 'negatif' | 'positif' | 'salah' | 'kurang_lengkap' | 'tidak_relevan';

export interface QuestionFilter {
  /** asked_at in [from, to). */
  readonly from?: Date;
  readonly to?: Date;
  readonly platform?: string;
  readonly regionCode?: string;
  readonly intent?: string;
  readonly refused?: boolean;
  readonly feedback?: FeedbackFilter;
  /** Full-text search in the question (Indonesian stemming, web-search syntax). */
  readonly text?: string;
  /** A hashed user id as shown (see idHash), with the salt it was made with. */
  readonly user?: { readonly hash: string; readonly salt: string };
}

export interface Passage {
  readonly document: string;
  readonly title?: string;
  readonly heading: string;
  readonly page: number | null;
  readonly snippet: string;
  readonly score: number;
}

export interface QuestionRow {
  readonly id: number;
  readonly askedAt: Date;
  readonly platform: string;
  readonly chatId: string | null;
  readonly userId: string | null;
  readonly regionCode: string | null;
  readonly regionName: string | null;
  /** Null once the retention job deleted the text. */
  readonly question: string | null;
  readonly intent: string;
  readonly refused: boolean;
  readonly feedback: number | null;
  readonly feedbackReason: string | null;
  readonly latencyMs: number | null;
}

export interface QuestionDetail extends QuestionRow {
  readonly answer: string | null;
  readonly citations: readonly Passage[];
  /** Null when not recorded (older rows, answers from the calendar or checklist). */
  readonly retrieved: readonly Passage[] | null;
  readonly feedbackComment: string | null;
  readonly feedbackAt: Date | null;
  readonly textDeletedAt: Date | null;
}

/** The SQL of a shown id hash: the first 12 hex digits of sha256(salt:platform:id). */
export const ID_HASH_SQL = (salt: string, platform: string, id: string) =>
  `left(encode(sha256(convert_to(${salt} || ':' || ${platform} || ':' || ${id}, 'UTF8')), 'hex'), 12)`;

const ROW_COLUMNS = `q.id, q.asked_at AS "askedAt", q.platform, q.chat_id AS "chatId", q.user_id AS "userId",
  q.region_code AS "regionCode", r.name AS "regionName", q.question, q.intent, q.refused, q.feedback,
  q.feedback_reason AS "feedbackReason", q.latency_ms AS "latencyMs"`;
const FROM = `questions q LEFT JOIN regions r ON r.code = q.region_code`;

function whereOf(f: QuestionFilter): Where {
  const w = new Where();
  if (f.from) w.and(`q.asked_at >= ${w.param(f.from.toISOString())}`);
  if (f.to) w.and(`q.asked_at < ${w.param(f.to.toISOString())}`);
  if (f.platform) w.and(`q.platform = ${w.param(f.platform)}`);
  if (f.regionCode) w.and(`q.region_code = ${w.param(f.regionCode)}`);
  if (f.intent) w.and(`q.intent = ${w.param(f.intent)}`);
  if (f.refused !== undefined) w.and(`q.refused = ${w.param(f.refused)}`);
  if (f.feedback === 'negatif') w.and('q.feedback = -1');
  else if (f.feedback === 'positif') w.and('q.feedback = 1');
  else if (f.feedback) w.and(`q.feedback = -1 AND q.feedback_reason = ${w.param(f.feedback)}`);
  if (f.text) w.and(`to_tsvector('indonesian', COALESCE(q.question, '')) @@ websearch_to_tsquery('indonesian', ${w.param(f.text)})`);
  if (f.user) {
    const salt = w.param(f.user.salt);
    w.and(`q.user_id IS NOT NULL AND ${ID_HASH_SQL(salt, 'q.platform', 'q.user_id')} = ${w.param(f.user.hash)}`);
  }
  return w;
}

/** One page of the log, newest first, with the number of matching questions. */
export async function listQuestions(
  db: Queryable,
  filter: QuestionFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: QuestionRow[]; total: number }> {
  const w = whereOf(filter);
  const [rows, [count]] = await Promise.all([
    db.query<QuestionRow>(
      `SELECT ${ROW_COLUMNS} FROM ${FROM} ${w.sql} ORDER BY q.asked_at DESC, q.id DESC LIMIT ${w.next(1)} OFFSET ${w.next(2)}`,
      [...w.params, page.limit, page.offset],
    ),
    db.query<{ total: number }>(`SELECT count(*)::int AS total FROM questions q ${w.sql}`, w.params),
  ]);
  return { rows, total: count?.total ?? 0 };
}

const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

export async function questionDetail(db: Queryable, id: number): Promise<QuestionDetail | null> {
  const [row] = await db.query<QuestionDetail>(
    `SELECT ${ROW_COLUMNS}, q.answer, q.citations, q.retrieved, q.feedback_comment AS "feedbackComment",
            q.feedback_at AS "feedbackAt", q.text_deleted_at AS "textDeletedAt"
       FROM ${FROM} WHERE q.id = $1`,
    [id],
  );
  if (!row) return null;
  return { ...row, citations: parseJson<Passage[]>(row.citations) ?? [], retrieved: parseJson<Passage[] | null>(row.retrieved) };
}

export interface ExportRow extends QuestionRow {
  readonly answer: string | null;
  readonly citations: readonly Passage[];
  readonly feedbackComment: string | null;
}

/** The filtered log in batches (newest first by id), for an export that never holds it all in memory. */
export async function* exportQuestions(db: Queryable, filter: QuestionFilter, batch = 1_000): AsyncGenerator<ExportRow[]> {
  const w = whereOf(filter);
  let before: number | null = null;
  for (;;) {
    const params: unknown[] = before === null ? [...w.params] : [...w.params, before];
    const keyset = before === null ? w.sql : `${w.sql ? `${w.sql} AND` : 'WHERE'} q.id < $${params.length}`;
    const rows: ExportRow[] = await db.query<ExportRow>(
      `SELECT ${ROW_COLUMNS}, q.answer, q.citations, q.feedback_comment AS "feedbackComment"
         FROM ${FROM} ${keyset} ORDER BY q.id DESC LIMIT $${params.length + 1}`,
      [...params, batch],
    );
    if (rows.length === 0) return;
    yield rows.map((r) => ({ ...r, citations: parseJson<Passage[]>(r.citations) ?? [] }));
    before = rows[rows.length - 1]!.id;
    if (rows.length < batch) return;
  }
}

export interface QuestionCounts {
  readonly total: number;
  readonly answered: number;
  readonly refused: number;
  readonly downvoted: number;
}

/** Questions asked in [since, until): answered, refused, and 👎. */
export async function questionCounts(db: Queryable, since: Date, until: Date): Promise<QuestionCounts> {
  const [row] = await db.query<QuestionCounts>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE NOT refused)::int AS answered,
            count(*) FILTER (WHERE refused)::int AS refused, count(*) FILTER (WHERE feedback = -1)::int AS downvoted
       FROM questions WHERE asked_at >= $1 AND asked_at < $2`,
    [since.toISOString(), until.toISOString()],
  );
  return row ?? { total: 0, answered: 0, refused: 0, downvoted: 0 };
}
