import type { FC } from 'hono/jsx';
import { consoleMessages as m, consolePages } from '../../messages/index.ts';
import { UPLOAD_KINDS, type DocumentRow, type FileOutcome, type IngestRun } from '../../ingest/index.ts';
import type { SearchHit } from '../../retrieval/index.ts';
import type { Session } from '../auth/sessions.ts';
import { BASE } from '../context.ts';
import { Badge, Csrf, Empty } from './parts.tsx';

const t = consolePages.documents;

export const LastRun: FC<{ run: IngestRun | null; zone: string }> = ({ run, zone }) =>
  !run ? (
    <Empty>{t.noRun}</Empty>
  ) : (
    <div>
      <p>{t.runLine(m.dateTime(run.finishedAt, zone), run.actor ? m.actor(run.actor) : t.unknownActor, run.counts)}</p>
      {run.failures.length === 0 ? (
        <p class="muted">{t.noFailures}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t.file}</th>
              <th>{t.reason}</th>
            </tr>
          </thead>
          <tbody>
            {run.failures.map((f) => (
              <tr>
                <td class="text">{f.path}</td>
                <td class="text">{f.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );

export const UploadForm: FC<{ csrf: string; limit: number }> = ({ csrf, limit }) => (
  <form method="post" action={`${BASE}/dokumen`} enctype="multipart/form-data" class="row">
    <Csrf token={csrf} />
    <input type="file" name="berkas" required aria-label={t.file} />
    <label>
      {t.kind}{' '}
      <select name="jenis">
        {UPLOAD_KINDS.map((k) => (
          <option value={k} selected={k === 'lainnya'}>
            {m.kind(k)}
          </option>
        ))}
      </select>
    </label>
    <button type="submit">{t.upload}</button>
    <small>{t.uploadHint(m.bytes(limit))}</small>
  </form>
);

export const SearchForm: FC<{ q: string; hits: readonly SearchHit[] | null }> = ({ q, hits }) => (
  <>
    <form method="get" action={`${BASE}/dokumen`} class="row">
      <input type="search" name="uji" value={q} placeholder={t.searchHint} aria-label={t.searchTitle} />
      <button type="submit" class="secondary">
        {t.search}
      </button>
    </form>
    {hits === null ? null : hits.length === 0 ? (
      <Empty>{t.noHits}</Empty>
    ) : (
      <ol class="hits">
        {hits.map((h) => (
          <li>
            <strong>{h.title}</strong> <small>{[h.heading, h.page ? `hlm. ${h.page}` : '', `skor ${h.score.toFixed(2)}`].filter(Boolean).join(' · ')}</small>
            <div class="muted">{h.document}</div>
            <div>{h.text.length > 300 ? `${h.text.slice(0, 299)}…` : h.text}</div>
          </li>
        ))}
      </ol>
    )}
  </>
);

export const DocumentTable: FC<{ docs: readonly DocumentRow[]; zone: string; session: Session }> = ({ docs, zone, session }) => (
  <table>
    <thead>
      <tr>
        <th>{t.titleCol}</th>
        <th>{t.kind}</th>
        <th>{t.region}</th>
        <th class="num">{t.pages}</th>
        <th class="num">{t.chunks}</th>
        <th>{t.source}</th>
        <th>{t.added}</th>
        {session.role === 'kelola' ? <th>{t.action}</th> : null}
      </tr>
    </thead>
    <tbody>
      {docs.map((d) => (
        <tr>
          <td>{d.title}</td>
          <td>{m.kind(d.kind)}</td>
          <td>{d.regionName ?? m.none}</td>
          <td class="num">{d.pageCount ?? m.none}</td>
          <td class="num">{d.chunks}</td>
          <td class="text">
            {d.url && /^https?:\/\//.test(d.url) ? (
              <a href={d.url} rel="noopener noreferrer">
                {d.url}
              </a>
            ) : null}
            <div>
              {d.path} {d.uploaded ? <Badge tone="muted">{t.uploaded}</Badge> : null}
            </div>
            <div class="muted">{m.bytes(d.bytes)}</div>
          </td>
          <td class="muted">{t.addedBy(d.addedBy ? m.actor(d.addedBy) : t.unknownActor, m.dateTime(d.ingestedAt, zone))}</td>
          {session.role === 'kelola' ? (
            <td>
              <form method="post" action={`${BASE}/dokumen/${d.id}/ulang`} class="row">
                <Csrf token={session.csrf} />
                <button type="submit" class="secondary">
                  {t.reingest}
                </button>
              </form>
              <a href={`${BASE}/dokumen/${d.id}/hapus`}>{t.delete}</a>
            </td>
          ) : null}
        </tr>
      ))}
    </tbody>
  </table>
);

export const OutcomeView: FC<{ outcome: FileOutcome; title: string }> = ({ outcome, title }) => (
  <section class="card narrow">
    <h1>{title}</h1>
    {outcome.status === 'failed' ? (
      <p class="error">{t.failed(outcome.path, outcome.reason ?? '')}</p>
    ) : (
      <p class="flash">{t.outcome(outcome.path, outcome.status, outcome.chunks, outcome.pages)}</p>
    )}
    <p>
      <a href={`${BASE}/dokumen`}>{t.back}</a>
    </p>
  </section>
);

export const DeleteConfirm: FC<{ doc: DocumentRow; csrf: string }> = ({ doc, csrf }) => (
  <section class="card narrow">
    <h1>{t.deleteTitle}</h1>
    <p>{t.deleteQuestion(doc.title, doc.path, doc.chunks)}</p>
    {doc.uploaded ? null : <p class="muted">{t.deleteCorpusNote}</p>}
    <form method="post" action={`${BASE}/dokumen/${doc.id}/hapus`} class="row">
      <Csrf token={csrf} />
      <button type="submit" class="danger">
        {t.deleteConfirm}
      </button>
      <a href={`${BASE}/dokumen`}>{t.cancel}</a>
    </form>
  </section>
);
