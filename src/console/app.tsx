import { Hono } from 'hono';
import { consoleMessages as m } from '../messages/index.ts';
import { BASE, type ConsoleEnv, type ConsoleServices } from './context.ts';
import { basics, bodyLimits, csrfGuard, enabledGuard, passwordChangeGuard, sessionGuard } from './middleware.tsx';
import { errorPage } from './render.tsx';
import { registerAccount, registerLogin } from './routes/auth.tsx';
import { registerAudit } from './routes/audit.tsx';
import { registerDocuments } from './routes/documents.tsx';
import { registerQuestions } from './routes/questions.tsx';
import { registerRegion } from './routes/region.tsx';
import { registerRegions } from './routes/regions.tsx';
import { registerReminders } from './routes/reminders.tsx';
import { registerSummary } from './routes/summary.tsx';
import { STYLESHEET } from './static.ts';

/**
 * The console as a Hono app under /konsol. Order matters: headers and clock, the
 * stylesheet, the off-until-first-account guard, body limits, the login form; then
 * session, CSRF and password-change guards before every page and action.
 */
export function createConsoleApp(s: ConsoleServices): Hono<ConsoleEnv> {
  // An address typed with a trailing slash ('/konsol/', '/konsol/wilayah/') is the same page.
  const app = new Hono<ConsoleEnv>({ strict: false }).basePath(BASE);
  app.use('*', basics(s));
  app.get('/gaya.css', (c) => c.body(STYLESHEET, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }));
  app.use('*', enabledGuard(s));
  app.use('*', bodyLimits(s));
  registerLogin(app, s);
  app.use('*', sessionGuard(s));
  app.use('*', csrfGuard);
  app.use('*', passwordChangeGuard);
  registerAccount(app, s);
  registerSummary(app, s);
  registerRegions(app, s);
  registerRegion(app, s);
  registerQuestions(app, s);
  registerDocuments(app, s);
  registerReminders(app, s);
  registerAudit(app, s);
  app.notFound((c) => errorPage(c, 404, m.errors.notFoundTitle, m.errors.notFound));
  app.onError((err, c) => {
    s.logger.error({ err, path: c.req.path }, 'console request failed');
    return errorPage(c, 500, m.errors.serverTitle, m.errors.server);
  });
  return app;
}
