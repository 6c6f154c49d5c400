import type { Hono } from 'hono';
import { recordAudit } from '../../audit/index.ts';
import { consoleMessages as m } from '../../messages/index.ts';
import { accountForLogin, passwordHashOf, setPassword } from '../auth/accounts.ts';
import { clearSessionCookie, readLoginCookie, setLoginCookie, setSessionCookie } from '../auth/cookies.ts';
import { dummyHash, MIN_PASSWORD_LENGTH, verifyPassword } from '../auth/passwords.ts';
import { createSession, endSession, randomToken } from '../auth/sessions.ts';
import { addressKey, clearFailures, nameKey, recordFailure, THROTTLE, waitMs } from '../auth/throttle.ts';
import { BASE, type ConsoleContext, type ConsoleEnv, type ConsoleServices } from '../context.ts';
import { sameToken } from '../middleware.tsx';
import { errorPage, page, render } from '../render.tsx';
import { LoginPage, PasswordForm } from '../views/login.tsx';

/** Only a console page may follow the login (never another site, never the login itself). */
function safeNext(value: unknown): string {
  const s = typeof value === 'string' ? value : '';
  return /^\/konsol(\/|$|\?)/.test(s) && !s.startsWith(`${BASE}/masuk`) && !/[\\\s]/.test(s) ? s : BASE;
}

const field = (body: Record<string, unknown>, name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');

function clientAddress(c: ConsoleContext): string {
  return c.env?.incoming?.socket?.remoteAddress ?? 'lokal';
}

function loginForm(c: ConsoleContext, o: { name?: string; next: string; error?: string; notice?: string | null; status?: 200 | 401 | 429 }) {
  const token = readLoginCookie(c) ?? randomToken();
  setLoginCookie(c, token);
  return render(c, <LoginPage csrf={token} name={o.name ?? ''} next={o.next} error={o.error} notice={o.notice} />, o.status ?? 200);
}

/** GET/POST /konsol/masuk (before any session). */
export function registerLogin(app: Hono<ConsoleEnv>, s: ConsoleServices): void {
  app.get('/masuk', (c) => {
    const notice = c.req.query('keluar') ? m.login.loggedOut : null;
    return loginForm(c, { next: safeNext(c.req.query('lanjut')), notice });
  });

  app.post('/masuk', async (c) => {
    const body = await c.req.parseBody();
    if (!sameToken(field(body, 'csrf'), readLoginCookie(c))) return errorPage(c, 403, m.errors.csrfTitle, m.errors.csrf);
    const name = field(body, 'nama').trim().slice(0, 64);
    const next = safeNext(body.lanjut);
    const now = c.get('now');
    const keys = [nameKey(name), addressKey(clientAddress(c))];
    const wait = await waitMs(s.db, keys, now);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      c.header('Retry-After', String(seconds));
      return loginForm(c, { name, next, error: m.login.throttled(seconds), status: 429 });
    }
    const account = await accountForLogin(s.db, name);
    const matches = await verifyPassword(field(body, 'sandi'), account?.passwordHash ?? (await dummyHash()));
    if (!account || !matches) {
      await recordFailure(s.db, [{ key: keys[0]!, limit: THROTTLE.nameLimit }, { key: keys[1]!, limit: THROTTLE.addressLimit }], now);
      await recordAudit(s.db, { at: now, actor: `konsol:${name || '?'}`, action: 'session.login_failed' });
      return loginForm(c, { name, next, error: m.login.wrong, status: 401 });
    }
    await clearFailures(s.db, keys[0]!);
    const { token } = await createSession(s.db, account.id, now);
    setSessionCookie(c, token);
    await recordAudit(s.db, { at: now, actor: `konsol:${account.name}`, action: 'session.login' });
    return c.redirect(account.mustChangePassword ? `${BASE}/sandi` : next, 303);
  });
}

/** POST /konsol/keluar and GET/POST /konsol/sandi (with a session). */
export function registerAccount(app: Hono<ConsoleEnv>, s: ConsoleServices): void {
  app.post('/keluar', async (c) => {
    const session = c.get('session')!;
    await endSession(s.db, session.tokenHash);
    clearSessionCookie(c);
    await recordAudit(s.db, { at: c.get('now'), actor: `konsol:${session.name}`, action: 'session.logout' });
    return c.redirect(`${BASE}/masuk?keluar=1`, 303);
  });

  const form = (c: ConsoleContext, error?: string) => {
    const session = c.get('session')!;
    return page(c, {
      title: m.password.title,
      status: error ? 400 : 200,
      body: <PasswordForm csrf={session.csrf} mustChange={session.mustChangePassword} error={error} />,
    });
  };
  app.get('/sandi', (c) => form(c));
  app.post('/sandi', async (c) => {
    const session = c.get('session')!;
    const body = await c.req.parseBody();
    const [current, next, repeat] = [field(body, 'sandi_lama'), field(body, 'sandi_baru'), field(body, 'ulangi')];
    const hash = await passwordHashOf(s.db, session.accountId);
    if (!hash || !(await verifyPassword(current, hash))) return form(c, m.password.wrongCurrent);
    if (next !== repeat) return form(c, m.password.mismatch);
    if (next.length < MIN_PASSWORD_LENGTH) return form(c, m.password.tooShort(MIN_PASSWORD_LENGTH));
    if (next === current) return form(c, m.password.sameAsOld);
    await setPassword(s.db, { name: session.name, password: next, keepSession: session.tokenHash, by: `konsol:${session.name}`, now: c.get('now') });
    return c.redirect(`${BASE}?ok=sandi-diganti`, 303);
  });
}
