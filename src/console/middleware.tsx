import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { consoleMessages as m } from '../messages/index.ts';
import { accountCount } from './auth/accounts.ts';
import { clearSessionCookie, readSessionCookie } from './auth/cookies.ts';
import { loadSession } from './auth/sessions.ts';
import { BASE, type ConsoleEnv, type ConsoleServices } from './context.ts';
import { errorPage, render } from './render.tsx';
import { DisabledPage } from './views/login.tsx';

type Mw = MiddlewareHandler<ConsoleEnv>;

const CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** Clock, HTTPS detection and the security headers of every response. */
export function basics(s: ConsoleServices): Mw {
  return async (c, next) => {
    c.set('now', s.now());
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
    c.set('secure', new URL(c.req.url).protocol === 'https:' || proto === 'https');
    c.set('session', null);
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'same-origin');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  };
}

/** The console is off (a 404 page saying how to turn it on) until the first account exists. */
export function enabledGuard(s: ConsoleServices): Mw {
  let enabled = false; // once on, it stays on: accounts are not all deleted while running
  return async (c, next) => {
    if (!enabled) enabled = (await accountCount(s.db)) > 0;
    if (enabled) return next();
    return render(c, <DisabledPage />, 404);
  };
}

/** Request bodies are small forms, except an upload (the ingest limit plus the form around it). */
export function bodyLimits(s: ConsoleServices): Mw {
  // The rest of a refused body is not read: the connection is closed rather than reused.
  const small = bodyLimit({
    maxSize: 64 * 1024,
    onError: (c) => {
      c.header('Connection', 'close');
      return errorPage(c, 413, m.errors.tooLargeTitle, m.errors.tooLarge(m.bytes(64 * 1024)));
    },
  });
  const upload = bodyLimit({
    maxSize: s.maxUploadBytes + 64 * 1024,
    onError: (c) => {
      c.header('Connection', 'close');
      return errorPage(c, 413, m.errors.tooLargeTitle, m.errors.tooLarge(m.bytes(s.maxUploadBytes)));
    },
  });
  return (c, next) => (c.req.method !== 'POST' ? next() : c.req.path === `${BASE}/dokumen` ? upload(c, next) : small(c, next));
}

/**
 * Every route past this point needs a live session: a page asked without one redirects to
 * the login form (and back afterwards), anything else answers 401.
 */
export function sessionGuard(s: ConsoleServices): Mw {
  return async (c, next) => {
    const token = readSessionCookie(c);
    const session = token ? await loadSession(s.db, token, c.get('now')) : null;
    if (!session) {
      if (token) clearSessionCookie(c);
      if (c.req.method === 'GET' || c.req.method === 'HEAD') {
        const back = new URL(c.req.url);
        return c.redirect(`${BASE}/masuk?lanjut=${encodeURIComponent(back.pathname + back.search)}`, 302);
      }
      return errorPage(c, 401, m.errors.unauthenticatedTitle, m.errors.unauthenticated);
    }
    c.set('session', session);
    return next();
  };
}

/** A form must carry the session's CSRF token; one without it (or with another) is refused. */
export const csrfGuard: Mw = async (c, next) => {
  if (c.req.method !== 'POST') return next();
  const body = await c.req.parseBody();
  const token = typeof body.csrf === 'string' ? body.csrf : '';
  if (!sameToken(token, c.get('session')?.csrf)) return errorPage(c, 403, m.errors.csrfTitle, m.errors.csrf);
  return next();
};

/** Constant-time comparison of two tokens; false when either is missing. */
export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A generated password is replaced before anything else. */
export const passwordChangeGuard: Mw = async (c, next) => {
  const session = c.get('session');
  const allowed = c.req.path === `${BASE}/sandi` || c.req.path === `${BASE}/keluar`;
  if (session?.mustChangePassword && !allowed) return c.redirect(`${BASE}/sandi`, 302);
  return next();
};

/** Changes are for `kelola` accounts; `lihat` gets 403. */
export const kelola: Mw = async (c, next) => {
  if (c.get('session')?.role !== 'kelola') return errorPage(c, 403, m.errors.forbiddenTitle, m.errors.forbidden);
  return next();
};
