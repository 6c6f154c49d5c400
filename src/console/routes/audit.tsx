import type { Hono } from 'hono';
import { listAudit } from '../../audit/index.ts';
import { consoleMessages as m, consolePages } from '../../messages/index.ts';
import { BASE, type ConsoleEnv, type ConsoleServices } from '../context.ts';
import { page, pagesOf, paging } from '../render.tsx';
import { Empty, Pager } from '../views/parts.tsx';

const t = consolePages.audit;
const PER_PAGE = 100;

const detailText = (d: Readonly<Record<string, unknown>>) =>
  Object.entries(d)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${t.detailLabel(k)}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ');

/** The audit trail: every change through the console or an operator command. */
export function registerAudit(app: Hono<ConsoleEnv>, s: ConsoleServices): void {
  app.get('/audit', async (c) => {
    const p = paging(c, PER_PAGE);
    const { rows, total } = await listAudit(s.db, p);
    return page(c, {
      title: t.title,
      active: 'audit',
      body: (
        <>
          <h1>{t.title}</h1>
          <p class="muted">{t.intro}</p>
          <section class="card">
            {rows.length === 0 ? (
              <Empty>{t.none}</Empty>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>{t.at}</th>
                    <th>{t.actor}</th>
                    <th>{t.action}</th>
                    <th>{t.target}</th>
                    <th>{t.detail}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr>
                      <td class="nowrap">{m.dateTime(r.at, s.timezone)}</td>
                      <td>{m.actor(r.actor)}</td>
                      <td>{t.actionName(r.action)}</td>
                      <td class="text">{r.target ?? m.none}</td>
                      <td class="text muted">{detailText(r.detail)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <Pager base={`${BASE}/audit`} query={new URLSearchParams()} page={p.page} pages={pagesOf(total, PER_PAGE)} total={total} noun={t.noun} />
          </section>
        </>
      ),
    });
  });
}
