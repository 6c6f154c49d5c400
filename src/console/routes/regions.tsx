import type { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { consoleMessages as m, consolePages } from '../../messages/index.ts';
import { BASE, type ConsoleContext, type ConsoleEnv, type ConsoleServices } from '../context.ts';
import { page, pagesOf, paging } from '../render.tsx';
import { regionList, type RegionFilter, type RegionList } from '../stores/regions.ts';
import { Badge, Empty, Field, FilterForm, Pager, Select } from '../views/parts.tsx';

const t = consolePages.regions;
const PER_PAGE = 50;

function filterOf(c: ConsoleContext): RegionFilter {
  const q = (name: string) => c.req.query(name)?.trim() || undefined;
  return { cohort: q('angkatan'), province: q('provinsi'), stage: q('tahap'), overdue: q('terlambat'), bound: q('grup'), text: q('cari') };
}

const Filters: FC<{ f: RegionFilter; list: RegionList }> = ({ f, list }) => (
  <FilterForm action={`${BASE}/wilayah`}>
    <Field name="cari" label={t.search} value={f.text ?? ''} placeholder={t.searchHint} />
    <Select
      name="angkatan"
      label={t.cohort}
      value={f.cohort ?? ''}
      any={m.all}
      options={[
        { value: 'aktif', label: t.activeCohorts },
        ...list.cohorts.map((y) => ({ value: String(y), label: String(y) })),
        { value: 'tanpa', label: t.noCohort },
      ]}
    />
    <Select name="provinsi" label={t.province} value={f.province ?? ''} any={m.all} options={list.provinces.map((p) => ({ value: p, label: p }))} />
    <Select name="tahap" label={t.stage} value={f.stage ?? ''} any={m.all} options={list.stages.map((s) => ({ value: s.id, label: s.name }))} />
    <Select
      name="terlambat"
      label={t.overdue}
      value={f.overdue ?? ''}
      any={m.all}
      options={[{ value: 'ya', label: t.overdueAny }, ...list.stages.map((s) => ({ value: s.id, label: t.overdueIn(s.name) }))]}
    />
    <Select
      name="grup"
      label={t.group}
      value={f.bound ?? ''}
      any={m.all}
      options={[
        { value: 'ada', label: t.withGroup },
        { value: 'tidak', label: t.withoutGroup },
      ]}
    />
  </FilterForm>
);

const Table: FC<{ rows: RegionList['rows'] }> = ({ rows }) => (
  <table>
    <thead>
      <tr>
        <th>{t.code}</th>
        <th>{t.name}</th>
        <th>{t.province}</th>
        <th class="num">{t.cohort}</th>
        <th>{t.currentStage}</th>
        <th>{t.overdue}</th>
        <th class="num">{t.group}</th>
      </tr>
    </thead>
    <tbody>
      {rows.map((r) => (
        <tr class={r.overdue.length > 0 ? 'late' : undefined}>
          <td class="nowrap">{r.code}</td>
          <td>
            <a href={`${BASE}/wilayah/${r.code}`}>{r.name}</a>
          </td>
          <td>{r.province}</td>
          <td class="num">{r.cohort ?? m.none}</td>
          <td>{r.cohort === null ? m.none : (r.currentStageName ?? t.allDone)}</td>
          <td>{r.overdue.length > 0 ? r.overdue.map((o) => <Badge tone="bad">{o.name}</Badge>) : m.none}</td>
          <td class="num">{r.chats > 0 ? <Badge tone="ok">{r.chats}</Badge> : <Badge tone="muted">0</Badge>}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

export function registerRegions(app: Hono<ConsoleEnv>, s: ConsoleServices): void {
  app.get('/wilayah', async (c) => {
    const f = filterOf(c);
    const list = await regionList(s.db, c.get('now'), f);
    const p = paging(c, PER_PAGE);
    const rows = list.rows.slice(p.offset, p.offset + p.limit);
    const query = new URL(c.req.url).searchParams;
    return page(c, {
      title: t.title,
      active: 'regions',
      body: (
        <>
          <h1>{t.title}</h1>
          <p class="muted">{t.intro(m.dateTime(c.get('now'), s.timezone))}</p>
          <section class="card">
            <Filters f={f} list={list} />
            {rows.length === 0 ? <Empty>{t.none}</Empty> : <Table rows={rows} />}
            <Pager base={`${BASE}/wilayah`} query={query} page={p.page} pages={pagesOf(list.rows.length, PER_PAGE)} total={list.rows.length} noun={t.noun} />
          </section>
        </>
      ),
    });
  });
}
