import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/index.ts';
import type { ConsoleRole } from './accounts.ts';

/**
 * Console sessions in the database. The cookie holds a random token; the table holds its
 * SHA-256, so a copy of the database opens no session. A session ends after 4 hours
 * without a request, 12 hours after login, or at logout.
 */
export const IDLE_MS = 4 * 3_600_000;
export const ABSOLUTE_MS = 12 * 3_600_000;
/** last_seen_at is written at most this often (not on every request). */
const TOUCH_EVERY_MS = 60_000;

export interface Session {
  readonly tokenHash: string;
  readonly csrf: string;
  readonly accountId: number;
  readonly name: string;
  readonly role: ConsoleRole;
  readonly mustChangePassword: boolean;
}

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');
export const randomToken = (): string => randomBytes(32).toString('base64url');

export async function createSession(db: Queryable, accountId: number, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + ABSOLUTE_MS);
  await db.query(
    `INSERT INTO console_sessions (token_hash, account_id, csrf, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)`,
    [tokenHash(token), accountId, randomToken(), now.toISOString(), expiresAt.toISOString()],
  );
  // Expired sessions of anyone are dropped as new ones are made.
  await db.query('DELETE FROM console_sessions WHERE expires_at < $1 OR last_seen_at < $2', [now.toISOString(), new Date(now.getTime() - IDLE_MS).toISOString()]);
  return { token, expiresAt };
}

/** The live session of a cookie token, or null (unknown, idle too long, or expired). */
export async function loadSession(db: Queryable, token: string, now: Date): Promise<Session | null> {
  const hash = tokenHash(token);
  const [row] = await db.query<Session & { lastSeenAt: Date; expiresAt: Date }>(
    `SELECT s.token_hash AS "tokenHash", s.csrf, s.account_id AS "accountId", a.name, a.role,
            a.must_change_password AS "mustChangePassword", s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt"
       FROM console_sessions s JOIN console_accounts a ON a.id = s.account_id WHERE s.token_hash = $1`,
    [hash],
  );
  if (!row) return null;
  const lastSeen = new Date(row.lastSeenAt).getTime();
  if (new Date(row.expiresAt).getTime() <= now.getTime() || now.getTime() - lastSeen > IDLE_MS) {
    await db.query('DELETE FROM console_sessions WHERE token_hash = $1', [hash]);
    return null;
  }
  if (now.getTime() - lastSeen > TOUCH_EVERY_MS) {
    await db.query('UPDATE console_sessions SET last_seen_at = $2 WHERE token_hash = $1', [hash, now.toISOString()]);
  }
  return { tokenHash: row.tokenHash, csrf: row.csrf, accountId: row.accountId, name: row.name, role: row.role, mustChangePassword: row.mustChangePassword };
}

export async function endSession(db: Queryable, hash: string): Promise<void> {
  await db.query('DELETE FROM console_sessions WHERE token_hash = $1', [hash]);
}
