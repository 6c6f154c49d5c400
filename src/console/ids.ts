import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/index.ts';

/**
 * Chat and user ids are never shown in the console: a short salted hash stands for each,
 * enough to see that two questions came from the same person and to filter by it. The
 * salt is made once per installation and kept in the settings table.
 */
const SALT_KEY = 'console.id_salt';

export async function loadIdSalt(db: Queryable): Promise<string> {
  await db.query(`INSERT INTO settings (key, value) VALUES ($1, to_jsonb($2::text)) ON CONFLICT (key) DO NOTHING`, [
    SALT_KEY,
    randomBytes(16).toString('hex'),
  ]);
  const [row] = await db.query<{ salt: string }>(`SELECT value #>> '{}' AS salt FROM settings WHERE key = $1`, [SALT_KEY]);
  return row!.salt;
}

/** The shown hash: the first 12 hex digits of sha256('salt:platform:id') (ID_HASH_SQL computes the same). */
export function idHash(salt: string, platform: string, id: string | null): string | null {
  if (id === null) return null;
  return createHash('sha256').update(`${salt}:${platform}:${id}`).digest('hex').slice(0, 12);
}
