import type { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import type { StageCounts } from '../../charts/index.ts';
import { consoleMessages as m, consolePages } from '../../messages/index.ts';
import { programmeOverview } from '../../programme/index.ts';
import { BASE, type ConsoleEnv, type ConsoleServices } from '../context.ts';
import { page } from '../render.tsx';
import { summaryData, type SummaryData } from '../stores/summary.ts';
import { Badge, Empty } from '../views/parts.tsx';

const t = consolePages.summary;
/** Regions named per overdue stage before "and N more" links to the full list. */
const NAMED = 12;

const Counts: FC<{ d: SummaryData }> = ({ d }) => (
  <div class="cards">
    <section class="card stat">
      <h2>{t.questionsTitle}</h2>
      <p class="big">{m.number(d.questions.total)}</p>
      <p>
        {t.answered(d.questions.answered)} · <a href={`${BASE}/pertanyaan?ditolak=ya`}>{t.refused(d.questions.refused)}</a> ·{' '}
        <a href={`${BASE}/pertanyaan?umpan=negatif`}>{t.downvoted(d.questions.downvoted)}</a>
      </p>
    </section>
    <section class="card stat">
      <h2>{t.remindersTitle}</h2>
      <p class="big">{m.number(d.reminders.sent)}</p>
      <p>
        {t.sent} · <a href={`${BASE}/pengingat?status=failed`}>{t.failed(d.reminders.failed)}</a> · {t.pending(d.reminders.pending)}
      </p>
    </section>
    <section class="card stat">
      <h2>{t.unboundTitle}</h2>
      <p class="big">{m.number(d.unbound.length)}</p>
      <p>
        <a href={`${BASE}/wilayah?grup=tidak&angkatan=aktif`}>{t.unboundLink}</a>
      </p>
    </section>
  </div>
);

const StageTable: FC<{ d: SummaryData; cohort: number }> = ({ d, cohort }) => (
  <table>
    <thead>
      <tr>
        <th>{t.stage}</th>
        <th class="num">{t.completed}</th>
        <th class="num">{t.overdue}</th>
      </tr>
    </thead>
    <tbody>
      {d.activeStages
        .filter((s) => s.cohort === cohort)
        .map((s) => (
          <tr>
            <td>{s.stageName}</td>
            <td class="num">{t.completedOf(s.completed, s.regions)}</td>
            <td class="num">
              {s.overdue > 0 ? (
                <a href={`${BASE}/wilayah?angkatan=${cohort}&terlambat=${encodeURIComponent(s.stageId)}`}>
                  <Badge tone="bad">{m.number(s.overdue)}</Badge>
                </a>
              ) : (
                <Badge tone="muted">0</Badge>
              )}
            </td>
          </tr>
        ))}
    </tbody>
  </table>
);

const OverdueList: FC<{ d: SummaryData }> = ({ d }) =>
  d.overdue.length === 0 ? (
    <Empty>{t.noOverdue}</Empty>
  ) : (
    <div class="overdue">
      {d.overdue.map((o) => (
        <section>
          <h3>
            {o.stageName} <small>{t.cohortTag(o.cohort, o.regions.length)}</small>
          </h3>
          <ul class="names">
            {o.regions.slice(0, NAMED).map((r) => (
              <li>
                <a href={`${BASE}/wilayah/${r.code}`}>{r.name}</a> <small>{m.relativeDay(-r.daysOverdue)}</small>
              </li>
            ))}
          </ul>
          {o.regions.length > NAMED ? (
            <p>
              <a href={`${BASE}/wilayah?angkatan=${o.cohort}&terlambat=${encodeURIComponent(o.stageId)}`}>{t.andMore(o.regions.length - NAMED)}</a>
            </p>
          ) : null}
        </section>
      ))}
    </div>
  );

const SummaryView: FC<{ d: SummaryData; zone: string }> = ({ d, zone }) => (
  <>
    <h1>{t.title}</h1>
    <p class="muted">{t.asOf(m.dateTime(d.now, zone), m.dateTime(d.since, zone))}</p>
    <Counts d={d} />
    <section class="card">
      <h2>{t.programmeTitle}</h2>
      {d.overview.activeCohorts.length === 0 ? <Empty>{t.noCohort}</Empty> : null}
      <div class="charts">
        <img src={`${BASE}/grafik/penyelesaian.svg`} alt={t.completionAlt} class="chart" />
        <img src={`${BASE}/grafik/terlambat.svg`} alt={t.overdueAlt} class="chart" />
      </div>
      <div class="cohorts">
        {d.overview.activeCohorts.map((cohort) => (
          <section>
            <h3>{t.cohortTitle(cohort)}</h3>
            <StageTable d={d} cohort={cohort} />
          </section>
        ))}
      </div>
    </section>
    <section class="card">
      <h2>{t.overdueTitle}</h2>
      <OverdueList d={d} />
    </section>
    <section class="card">
      <h2>{t.unboundTitle}</h2>
      {d.unbound.length === 0 ? (
        <Empty>{t.noUnbound}</Empty>
      ) : (
        <ul class="names">
          {d.unbound.slice(0, 30).map((r) => (
            <li>
              <a href={`${BASE}/wilayah/${r.code}`}>{r.name}</a> <small>{r.province}</small>
            </li>
          ))}
        </ul>
      )}
      {d.unbound.length > 30 ? <a href={`${BASE}/wilayah?grup=tidak&angkatan=aktif`}>{t.andMore(d.unbound.length - 30)}</a> : null}
    </section>
  </>
);

type ChartName = 'completionChart' | 'overdueChart';

/**
 * SVG of one chart for the active cohorts; the last few pictures are kept, keyed by their
 * data. The charting library is loaded on the first picture asked for.
 */
function chartRoute(s: ConsoleServices, chart: ChartName) {
  const cache = new Map<string, string>();
  return async (now: Date): Promise<string> => {
    const overview = await programmeOverview(s.db, now);
    const rows: StageCounts[] = overview.stages.filter((x) => overview.activeCohorts.includes(x.cohort));
    const key = JSON.stringify(rows);
    let svg = cache.get(key);
    if (!svg) {
      const charts = await import('../../charts/index.ts');
      svg = await charts.toSvg(charts[chart](rows));
      cache.set(key, svg);
      if (cache.size > 4) cache.delete(cache.keys().next().value!);
    }
    return svg;
  };
}

export function registerSummary(app: Hono<ConsoleEnv>, s: ConsoleServices): void {
  app.get('/', async (c) => {
    const d = await summaryData(s.db, c.get('now'));
    return page(c, { title: t.title, active: 'summary', body: <SummaryView d={d} zone={s.timezone} /> });
  });
  const charts = { penyelesaian: chartRoute(s, 'completionChart'), terlambat: chartRoute(s, 'overdueChart') };
  for (const [name, svgOf] of Object.entries(charts)) {
    app.get(`/grafik/${name}.svg`, async (c) => {
      const svg = await svgOf(c.get('now'));
      return c.body(svg, 200, { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'private, no-cache' });
    });
  }
}
