import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The owner handshake: a CLI process and the `pandu start` that owns the data folder prove
 * to each other that they know the token in the owner file, without ever sending it. The
 * CLI sends a nonce; the owner answers with its proof of that nonce and a challenge; the
 * CLI checks the proof (so nothing else listening on the recorded port gets anything) and
 * sends its command with its proof of the challenge.
 */
export type Role = 'owner' | 'client';

export function newNonce(): string {
  return randomBytes(24).toString('hex');
}

export function prove(token: string, role: Role, nonce: string): string {
  return createHmac('sha256', token).update(`pandu:${role}:${nonce}`).digest('hex');
}

export function verify(token: string, role: Role, nonce: string, proof: unknown): boolean {
  if (typeof proof !== 'string') return false;
  const expected = Buffer.from(prove(token, role, nonce));
  const given = Buffer.from(proof);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Challenges the owner has issued and not yet seen answered; each is good once, for a minute. */
export function createChallenges(ttlMs = 60_000, now: () => number = Date.now) {
  const open = new Map<string, number>();
  return {
    issue(): string {
      for (const [c, at] of open) if (now() - at > ttlMs) open.delete(c);
      const challenge = newNonce();
      open.set(challenge, now());
      return challenge;
    },
    /** True (and spent) when the challenge was issued here and has not expired. */
    take(challenge: unknown): boolean {
      if (typeof challenge !== 'string') return false;
      const at = open.get(challenge);
      open.delete(challenge);
      return at !== undefined && now() - at <= ttlMs;
    },
  };
}
