import type { Hono } from 'hono';
import { recordAudit } from '../../audit/index.ts';
import { documentById, ingestUpload, lastIngestRun, listDocuments, reingestDocument, removeDocument, UPLOAD_KINDS, type UploadKind } from '../../ingest/index.ts';
import { consoleMessages as m, consolePages } from '../../messages/index.ts';
import { search } from '../../retrieval/index.ts';
import { BASE, type ConsoleContext, type ConsoleEnv, type ConsoleServices } from '../context.ts';
import { kelola } from '../middleware.tsx';
import { errorPage, page } from '../render.tsx';
import { DeleteConfirm, DocumentTable, LastRun, OutcomeView, SearchForm, UploadForm } from '../views/documents.tsx';

const t = consolePages.documents;
/** Kinds whose documents define deadlines or checklist items: changed through their files, not deleted here. */
const STRUCTURAL = new Set(['kalender', 'checklist']);

const actor = (c: ConsoleContext) => `konsol:${c.get('session')!.name}`;

export function registerDocuments(app: Hono<ConsoleEnv>, s: ConsoleServices): void {
  const deps = { db: s.db, embedder: s.embedder, logger: s.logger };

  app.get('/dokumen', async (c) => {
    const session = c.get('session')!;
    const q = (c.req.query('uji') ?? '').trim().slice(0, 300);
    const [docs, run, hits] = await Promise.all([listDocuments(s.db), lastIngestRun(s.db), q ? search(deps, q, { k: 5 }) : null]);
    return page(c, {
      title: t.title,
      active: 'documents',
      body: (
        <>
          <h1>{t.title}</h1>
          <p class="muted">{t.intro(docs.length)}</p>
          <div class="grid2">
            <section class="card">
              <h2>{t.lastRunTitle}</h2>
              <LastRun run={run} zone={s.timezone} />
            </section>
            <section class="card">
              <h2>{t.searchTitle}</h2>
              <SearchForm q={q} hits={hits} />
            </section>
          </div>
          {session.role === 'kelola' ? (
            <section class="card">
              <h2>{t.uploadTitle}</h2>
              <UploadForm csrf={session.csrf} limit={s.maxUploadBytes} />
            </section>
          ) : null}
          <section class="card">
            <DocumentTable docs={docs} zone={s.timezone} session={session} />
          </section>
        </>
      ),
    });
  });

  app.post('/dokumen', kelola, async (c) => {
    const body = await c.req.parseBody();
    const file = body.berkas;
    if (!(file instanceof File) || file.size === 0) return errorPage(c, 400, t.uploadTitle, t.noFile);
    const kind = (UPLOAD_KINDS as readonly string[]).includes(String(body.jenis)) ? (body.jenis as UploadKind) : 'lainnya';
    const now = c.get('now');
    const data = new Uint8Array(await file.arrayBuffer());
    const outcome = await ingestUpload(deps, { name: file.name, kind, data, by: actor(c), now, maxBytes: s.maxUploadBytes });
    await recordAudit(s.db, {
      at: now,
      actor: actor(c),
      action: 'document.upload',
      target: outcome.path,
      detail: { status: outcome.status, bytes: data.length, chunks: outcome.chunks, reason: outcome.reason ?? null },
    });
    return page(c, { title: t.uploadTitle, active: 'documents', status: outcome.status === 'failed' ? 422 : 200, body: <OutcomeView outcome={outcome} title={t.uploadTitle} /> });
  });

  app.post('/dokumen/:id/ulang', kelola, async (c) => {
    const id = Number(c.req.param('id'));
    const now = c.get('now');
    const outcome = Number.isInteger(id) ? await reingestDocument(deps, id, { by: actor(c), now }) : null;
    if (!outcome) return errorPage(c, 404, t.reingest, t.sourceGone);
    await recordAudit(s.db, { at: now, actor: actor(c), action: 'document.reingest', target: outcome.path, detail: { status: outcome.status, chunks: outcome.chunks } });
    return page(c, { title: t.reingest, active: 'documents', status: outcome.status === 'failed' ? 422 : 200, body: <OutcomeView outcome={outcome} title={t.reingest} /> });
  });
  registerDeletion(app, s);
}

/** Deleting a document: a confirmation page, then the deletion (never a calendar or checklist). */
function registerDeletion(app: Hono<ConsoleEnv>, s: ConsoleServices): void {
  const notFound = (c: ConsoleContext) => errorPage(c, 404, m.errors.notFoundTitle, m.errors.notFound);
  const deletable = async (c: ConsoleContext) => {
    const id = Number(c.req.param('id'));
    const doc = Number.isInteger(id) ? await documentById(s.db, id) : null;
    if (!doc) return { doc: null, refusal: await notFound(c) };
    if (STRUCTURAL.has(doc.kind)) return { doc: null, refusal: await errorPage(c, 409, t.deleteTitle, t.structural) };
    return { doc, refusal: null };
  };
  app.get('/dokumen/:id/hapus', kelola, async (c) => {
    const { doc, refusal } = await deletable(c);
    if (!doc) return refusal!;
    return page(c, { title: t.deleteTitle, active: 'documents', body: <DeleteConfirm doc={doc} csrf={c.get('session')!.csrf} /> });
  });
  app.post('/dokumen/:id/hapus', kelola, async (c) => {
    const { doc, refusal } = await deletable(c);
    if (!doc) return refusal!;
    await removeDocument(s.db, doc.id);
    await recordAudit(s.db, { at: c.get('now'), actor: actor(c), action: 'document.delete', target: doc.path, detail: { title: doc.title, chunks: doc.chunks } });
    return c.redirect(`${BASE}/dokumen?ok=dokumen-dihapus`, 303);
  });
}
