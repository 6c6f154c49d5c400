import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { BASE, type ConsoleContext } from '../context.ts';
import { ABSOLUTE_MS } from './sessions.ts';

/** The session cookie: HttpOnly, SameSite=Strict, Secure over HTTPS, only for /konsol. */
export const SESSION_COOKIE = 'pandu_konsol';
/** The login form's own token (double submit), before any session exists. */
export const LOGIN_COOKIE = 'pandu_konsol_masuk';

const flags = (c: ConsoleContext) => ({ httpOnly: true, sameSite: 'Strict' as const, secure: c.get('secure'), path: BASE });

export function readSessionCookie(c: ConsoleContext): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function setSessionCookie(c: ConsoleContext, token: string): void {
  setCookie(c, SESSION_COOKIE, token, { ...flags(c), maxAge: Math.floor(ABSOLUTE_MS / 1000) });
}

export function clearSessionCookie(c: ConsoleContext): void {
  deleteCookie(c, SESSION_COOKIE, flags(c));
}

export function readLoginCookie(c: ConsoleContext): string | undefined {
  return getCookie(c, LOGIN_COOKIE);
}

export function setLoginCookie(c: ConsoleContext, token: string): void {
  setCookie(c, LOGIN_COOKIE, token, { ...flags(c), maxAge: 3_600 });
}
