import type { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { csvLine } from '../../csv.ts';
import { consoleMessages as m, consolePages } from '../../messages/index.ts';
import { addDays, isValidDate, zonedInstant } from '../../programme/index.ts';
import { exportQuestions, listQuestions, questionDetail, type FeedbackFilter, type QuestionFilter } from '../../questions/index.ts';
import { BASE, type ConsoleContext, type ConsoleEnv, type ConsoleServices } from '../context.ts';
import { idHash } from '../ids.ts';
import { errorPage, page, pagesOf, paging } from '../render.tsx';
import { Empty, Field, FilterForm, Pager, Select } from '../views/parts.tsx';
import { QuestionTable, QuestionView } from '../views/questions.tsx';

const t = consolePages.questions;
const PER_PAGE = 50;
const PLATFORMS = ['telegram', 'slack', 'console', 'cli'];
const INTENTS = ['deadline', 'checklist', 'rule', 'greeting', 'out_of_scope'];
const FEEDBACK: readonly FeedbackFilter[] = ['negatif', 'positif', 'salah', 'kurang_lengkap', 'tidak_relevan'];

/** The query as typed (shown back in the form) and the filter it means; odd values are ignored. */
function parseFilter(c: ConsoleContext, s: ConsoleServices): { raw: Record<string, string>; filter: QuestionFilter } {
  const names = ['dari', 'sampai', 'platform', 'wilayah', 'intent', 'ditolak', 'umpan', 'cari', 'pengguna'];
  const raw = Object.fromEntries(names.map((n) => [n, c.req.query(n)?.trim() ?? '']));
  const pick = <T extends string>(v: string, allowed: readonly T[]) => (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
  return {
    raw,
    filter: {
      from: isValidDate(raw.dari!) ? zonedInstant(raw.dari!, s.timezone) : undefined,
      to: isValidDate(raw.sampai!) ? zonedInstant(addDays(raw.sampai!, 1), s.timezone) : undefined,
      platform: pick(raw.platform!, PLATFORMS),
      regionCode: /^\d{2}\.\d{2}$/.test(raw.wilayah!) ? raw.wilayah : undefined,
      intent: pick(raw.intent!, INTENTS),
      refused: raw.ditolak === 'ya' ? true : raw.ditolak === 'tidak' ? false : undefined,
      feedback: pick(raw.umpan!, FEEDBACK),
      text: raw.cari ? raw.cari.slice(0, 200) : undefined,
      user: /^[0-9a-f]{12}$/.test(raw.pengguna!) ? { hash: raw.pengguna!, salt: s.idSalt } : undefined,
    },
  };
}

const Filters: FC<{ raw: Record<string, string> }> = ({ raw }) => (
  <FilterForm action={`${BASE}/pertanyaan`}>
    <Field name="cari" label={t.search} value={raw.cari!} placeholder={t.searchHint} />
    <Field name="dari" label={t.from} value={raw.dari!} type="date" />
    <Field name="sampai" label={t.to} value={raw.sampai!} type="date" />
    <Select name="platform" label={t.platform} value={raw.platform!} any={m.all} options={PLATFORMS.map((p) => ({ value: p, label: m.platform(p) }))} />
    <Field name="wilayah" label={t.regionCode} value={raw.wilayah!} placeholder="33.14" />
    <Select name="intent" label={t.intent} value={raw.intent!} any={m.all} options={INTENTS.map((i) => ({ value: i, label: m.intent(i) }))} />
    <Select
      name="ditolak"
      label={t.result}
      value={raw.ditolak!}
      any={m.all}
      options={[
        { value: 'tidak', label: t.answered },
        { value: 'ya', label: t.refused },
      ]}
    />
    <Select name="umpan" label={t.feedback} value={raw.umpan!} any={m.all} options={FEEDBACK.map((f) => ({ value: f, label: t.feedbackOption(f) }))} />
    <Field name="pengguna" label={t.user} value={raw.pengguna!} placeholder="#…" />
  </FilterForm>
);

const CSV_HEADER = ['id', 'waktu', 'platform', 'pengguna', 'obrolan', 'kode_wilayah', 'wilayah', 'pertanyaan', 'intent', 'tidak_terjawab', 'jawaban', 'sumber', 'umpan_balik', 'alasan', 'komentar', 'latensi_ms'];

export function registerQuestions(app: Hono<ConsoleEnv>, s: ConsoleServices): void {
  app.get('/pertanyaan', async (c) => {
    const { raw, filter } = parseFilter(c, s);
    const p = paging(c, PER_PAGE);
    const { rows, total } = await listQuestions(s.db, filter, p);
    const query = new URL(c.req.url).searchParams;
    query.delete('halaman');
    return page(c, {
      title: t.title,
      active: 'questions',
      body: (
        <>
          <h1>{t.title}</h1>
          <p class="muted">{t.intro(s.retentionDays)}</p>
          <section class="card">
            <Filters raw={raw} />
            <p>
              <a href={`${BASE}/pertanyaan.csv?${query.toString()}`}>{t.export}</a>
            </p>
            {rows.length === 0 ? <Empty>{t.none}</Empty> : <QuestionTable rows={rows} zone={s.timezone} salt={s.idSalt} />}
            <Pager base={`${BASE}/pertanyaan`} query={query} page={p.page} pages={pagesOf(total, PER_PAGE)} total={total} noun={t.noun} />
          </section>
        </>
      ),
    });
  });

  app.get('/pertanyaan.csv', (c) => {
    const { filter } = parseFilter(c, s);
    const hash = (platform: string, id: string | null) => idHash(s.idSalt, platform, id);
    const encoder = new TextEncoder();
    const batches = exportQuestions(s.db, filter);
    const body = new ReadableStream<Uint8Array>({
      start: (ctl) => ctl.enqueue(encoder.encode(`\uFEFF${csvLine(CSV_HEADER)}`)),
      async pull(ctl) {
        const next = await batches.next();
        if (next.done) return ctl.close();
        const lines = next.value.map((q) =>
          csvLine([
            q.id,
            new Date(q.askedAt).toISOString(),
            q.platform,
            hash(q.platform, q.userId),
            hash(q.platform, q.chatId),
            q.regionCode,
            q.regionName,
            q.question,
            q.intent,
            q.refused ? 'ya' : 'tidak',
            q.answer,
            q.citations.map((x) => [x.title ?? x.document, x.heading, x.page ? `hlm. ${x.page}` : ''].filter(Boolean).join(' — ')).join('; '),
            q.feedback === 1 ? '👍' : q.feedback === -1 ? '👎' : '',
            q.feedbackReason,
            q.feedbackComment,
            q.latencyMs,
          ]),
        );
        ctl.enqueue(encoder.encode(lines.join('')));
      },
      cancel: () => void batches.return(undefined),
    });
    const day = new Date(c.get('now').getTime()).toISOString().slice(0, 10);
    return c.body(body, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="pandu-pertanyaan-${day}.csv"`,
    });
  });

  app.get('/pertanyaan/:id', async (c) => {
    const id = Number(c.req.param('id'));
    const q = Number.isInteger(id) && id > 0 ? await questionDetail(s.db, id) : null;
    if (!q) return errorPage(c, 404, m.errors.notFoundTitle, m.errors.notFound);
    return page(c, { title: t.detailTitle(q.id), active: 'questions', body: <QuestionView q={q} zone={s.timezone} salt={s.idSalt} retentionDays={s.retentionDays} /> });
  });
}
