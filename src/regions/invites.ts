import { randomInt } from 'node:crypto';
import type { Db } from '../db/index.ts';
import { PanduError } from '../errors.ts';
import { findRegion, regionByCode, type Region } from './store.ts';

export interface Invite {
  readonly code: string;
  readonly region: string;
  readonly regionName: string;
  readonly expires_at: string;
}

export type InviteResult =
  | { readonly ok: true; readonly region: Region; readonly chatId: number }
  | { readonly ok: false; readonly reason: 'unknown' | 'expired' | 'used' };

// No 0/O, 1/I/L: codes are read aloud and typed on phones.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function newCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

export function normalizeInviteCode(input: string): string {
  const s = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return s.length === 8 ? `${s.slice(0, 4)}-${s.slice(4)}` : s;
}

/**
 * Creates a one-time code that binds one chat to the region; valid for ttlHours. With a
 * requestKey (the request that asks for it, e.g. a Slack trigger_id), asking again with the
 * same key returns the invite made the first time.
 */
export async function createInvite(
  db: Db,
  regionQuery: string,
  options: { now?: Date; ttlHours?: number; createdBy?: string; requestKey?: string } = {},
): Promise<Invite> {
  const region = await findRegion(db, regionQuery);
  if (!region) throw new PanduError('REGION_UNKNOWN', { query: regionQuery });
  const now = options.now ?? new Date();
  const expires = new Date(now.getTime() + (options.ttlHours ?? 72) * 3_600_000);
  const code = newCode();
  const inserted = await db.query(
    `INSERT INTO invites (code, region_code, created_by, created_at, expires_at, request_key) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (request_key) DO NOTHING RETURNING code`,
    [code, region.code, options.createdBy ?? null, now, expires, options.requestKey ?? null],
  );
  if (inserted.length === 0) {
    const [earlier] = await db.query<{ code: string; region_code: string; expires_at: Date }>(
      'SELECT code, region_code, expires_at FROM invites WHERE request_key = $1',
      [options.requestKey],
    );
    const earlierRegion = earlier && (await regionByCode(db, earlier.region_code));
    if (earlier && earlierRegion) {
      return { code: earlier.code, region: earlierRegion.code, regionName: earlierRegion.name, expires_at: new Date(earlier.expires_at).toISOString() };
    }
  }
  return { code, region: region.code, regionName: region.name, expires_at: expires.toISOString() };
}

/** Binds the chat to the invite's region, once; the code is spent in the same transaction. */
export async function redeemInvite(
  db: Db,
  input: { code: string; platform: string; chatId: string; title?: string; by: string; now?: Date },
): Promise<InviteResult> {
  const now = input.now ?? new Date();
  const code = normalizeInviteCode(input.code);
  return db.transaction(async (tx) => {
    const [invite] = await tx.query<{ region_code: string; expires_at: Date; used_at: Date | null }>(
      'SELECT region_code, expires_at, used_at FROM invites WHERE code = $1 FOR UPDATE',
      [code],
    );
    if (!invite) return { ok: false, reason: 'unknown' } as const;
    if (invite.used_at) return { ok: false, reason: 'used' } as const;
    if (new Date(invite.expires_at).getTime() <= now.getTime()) return { ok: false, reason: 'expired' } as const;
    const [chat] = await tx.query<{ id: number }>(
      `INSERT INTO chats (platform, chat_id, title, region_code, active, bound_by, bound_at)
       VALUES ($1, $2, $3, $4, true, $5, $6)
       ON CONFLICT (platform, chat_id) DO UPDATE SET region_code = EXCLUDED.region_code, active = true,
         title = COALESCE(EXCLUDED.title, chats.title), bound_by = EXCLUDED.bound_by, bound_at = EXCLUDED.bound_at,
         deactivated_at = NULL, deactivated_reason = NULL
       RETURNING id`,
      [input.platform, input.chatId, input.title ?? null, invite.region_code, input.by, now],
    );
    await tx.query('UPDATE invites SET used_at = $2, used_by = $3, used_chat = $4 WHERE code = $1', [
      code,
      now,
      input.by,
      chat!.id,
    ]);
    const region = await regionByCode(tx, invite.region_code);
    return { ok: true, region: region!, chatId: chat!.id } as const;
  });
}
