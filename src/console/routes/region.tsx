import type { Hono } from 'hono';
import { recordAudit } from '../../audit/index.ts';
import { PanduError } from '../../errors.ts';
import { chatById, setChatRemindersById } from '../../chats/index.ts';
import { consoleMessages as m, consolePages } from '../../messages/index.ts';
import { confirmStageComplete, withdrawStageComplete } from '../../programme/index.ts';
import { createInvite, regionByCode } from '../../regions/index.ts';
import { BASE, type ConsoleContext, type ConsoleEnv, type ConsoleServices } from '../context.ts';
import { kelola } from '../middleware.tsx';
import { errorPage, page } from '../render.tsx';
import { regionPage } from '../stores/region.ts';
import { RegionView } from '../views/region.tsx';

const t = consolePages.region;
const NOTE_MAX = 500;

const actor = (c: ConsoleContext) => `konsol:${c.get('session')!.name}`;
const notFound = (c: ConsoleContext) => errorPage(c, 404, m.errors.notFoundTitle, m.errors.notFound);

/** A region's page and its changes: invite code, stage confirmed done (or withdrawn), reminders paused. */
export function registerRegion(app: Hono<ConsoleEnv>, s: ConsoleServices): void {
  app.get('/wilayah/:kode', async (c) => {
    const d = await regionPage(s.db, c.req.param('kode'));
    if (!d) return notFound(c);
    return page(c, {
      title: d.region.name,
      active: 'regions',
      body: <RegionView d={d} now={c.get('now')} zone={s.timezone} salt={s.idSalt} session={c.get('session')!} />,
    });
  });

  app.post('/wilayah/:kode/undangan', kelola, async (c) => {
    const region = await regionByCode(s.db, c.req.param('kode'));
    if (!region) return notFound(c);
    const now = c.get('now');
    const invite = await createInvite(s.db, region.code, { createdBy: actor(c), now });
    await recordAudit(s.db, { at: now, actor: actor(c), action: 'invite.create', target: region.code, detail: { expires: invite.expires_at } });
    return page(c, {
      title: t.inviteTitle,
      active: 'regions',
      body: (
        <section class="card narrow">
          <h1>{t.inviteCreated(region.name)}</h1>
          <p class="code">{invite.code}</p>
          <p>{t.inviteUse(invite.code, m.dateTime(invite.expires_at, s.timezone))}</p>
          <p>
            <a href={`${BASE}/wilayah/${region.code}`}>{t.backTo(region.name)}</a>
          </p>
        </section>
      ),
    });
  });

  app.post('/wilayah/:kode/tahap/:tahap/selesai', kelola, async (c) => {
    const [code, stageId] = [c.req.param('kode'), c.req.param('tahap')];
    if (!(await regionByCode(s.db, code))) return notFound(c);
    const body = await c.req.parseBody();
    const note = typeof body.catatan === 'string' ? body.catatan.trim() : '';
    if (!note || note.length > NOTE_MAX) return errorPage(c, 400, t.noteProblemTitle, note ? m.notes.tooLong : m.notes.required);
    const now = c.get('now');
    const fresh = await confirmStageComplete(s.db, { regionCode: code, stageId, by: actor(c), note, now }).catch((err: unknown) => {
      if (PanduError.isInstance(err, 'USAGE')) return null; // not a stage of the region's cohort
      throw err;
    });
    if (fresh === null) return notFound(c);
    if (fresh) await recordAudit(s.db, { at: now, actor: actor(c), action: 'stage.complete', target: `${code} ${stageId}`, detail: { note } });
    return c.redirect(`${BASE}/wilayah/${code}?ok=${fresh ? 'tahap-selesai' : 'tahap-sudah'}#tahap-${stageId}`, 303);
  });

  app.post('/wilayah/:kode/tahap/:tahap/batal', kelola, async (c) => {
    const [code, stageId] = [c.req.param('kode'), c.req.param('tahap')];
    const removed = await withdrawStageComplete(s.db, { regionCode: code, stageId });
    if (removed) await recordAudit(s.db, { at: c.get('now'), actor: actor(c), action: 'stage.withdraw', target: `${code} ${stageId}` });
    return c.redirect(`${BASE}/wilayah/${code}?ok=tahap-batal#tahap-${stageId}`, 303);
  });

  app.post('/grup/:id/pengingat', kelola, async (c) => {
    const id = Number(c.req.param('id'));
    const chat = Number.isInteger(id) ? await chatById(s.db, id) : null;
    if (!chat) return notFound(c);
    const body = await c.req.parseBody();
    const enable = body.aksi === 'lanjut';
    const changed = await setChatRemindersById(s.db, chat.id, enable);
    if (changed) {
      await recordAudit(s.db, {
        at: c.get('now'),
        actor: actor(c),
        action: enable ? 'chat.reminders_resume' : 'chat.reminders_pause',
        target: chat.regionCode,
        detail: { chat: chat.id, platform: chat.platform },
      });
    }
    const key = !changed ? 'grup-tidak-terikat' : enable ? 'pengingat-lanjut' : 'pengingat-jeda';
    return c.redirect(`${BASE}/wilayah${chat.regionCode ? `/${chat.regionCode}` : ''}?ok=${key}`, 303);
  });
}
