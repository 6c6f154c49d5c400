import type { Queryable } from '../../db/index.ts';

/** Records an inbound update; false when it was seen before (a redelivery). */
export async function markSeen(db: Queryable, key: string): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO inbound_seen (source, key) VALUES ('telegram', $1) ON CONFLICT (source, key) DO NOTHING RETURNING key`,
    [key],
  );
  return rows.length > 0;
}

export async function pruneSeen(db: Queryable, olderThanDays = 7): Promise<void> {
  await db.query(`DELETE FROM inbound_seen WHERE source = 'telegram' AND seen_at < now() - make_interval(days => $1)`, [
    olderThanDays,
  ]);
}
