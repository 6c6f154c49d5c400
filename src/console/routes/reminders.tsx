import type { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { recordAudit } from '../../audit/index.ts';
import { deactivatedChats, type ChatRow } from '../../chats/index.ts';
import { consoleMessages as m, consolePages } from '../../messages/index.ts';
import { addDays, isValidDate, zonedInstant } from '../../programme/index.ts';
import { listOutbox, retryFailed, type OutboxFilter, type OutboxListRow, type OutboxStatus } from '../../reminders/index.ts';
import type { Session } from '../auth/sessions.ts';
import { BASE, type ConsoleContext, type ConsoleEnv, type ConsoleServices } from '../context.ts';
import { idHash } from '../ids.ts';
import { kelola } from '../middleware.tsx';
import { page, pagesOf, paging } from '../render.tsx';
import { Badge, Csrf, Empty, Field, FilterForm, Pager, Select } from '../views/parts.tsx';

const t = consolePages.reminders;
const PER_PAGE = 50;
const STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'sent', 'failed', 'skipped', 'cancelled'];
const TONE: Record<string, 'ok' | 'bad' | 'warn' | 'muted'> = { sent: 'ok', failed: 'bad', pending: 'warn', sending: 'warn' };

function parseFilter(c: ConsoleContext, zone: string): { raw: Record<string, string>; filter: OutboxFilter } {
  const raw = Object.fromEntries(['status', 'platform', 'wilayah', 'tahap', 'dari', 'sampai'].map((k) => [k, c.req.query(k)?.trim() ?? '']));
  return {
    raw,
    filter: {
      status: (STATUSES as readonly string[]).includes(raw.status!) ? (raw.status as OutboxStatus) : undefined,
      platform: ['telegram', 'slack'].includes(raw.platform!) ? raw.platform : undefined,
      regionCode: /^\d{2}\.\d{2}$/.test(raw.wilayah!) ? raw.wilayah : undefined,
      stageId: /^[\w-]{1,60}$/.test(raw.tahap!) ? raw.tahap : undefined,
      from: isValidDate(raw.dari!) ? zonedInstant(raw.dari!, zone) : undefined,
      to: isValidDate(raw.sampai!) ? zonedInstant(addDays(raw.sampai!, 1), zone) : undefined,
    },
  };
}

const Outbox: FC<{ rows: readonly OutboxListRow[]; zone: string; salt: string; session: Session }> = ({ rows, zone, salt, session }) => (
  <table>
    <thead>
      <tr>
        <th>{t.sendAt}</th>
        <th>{t.region}</th>
        <th>{t.chat}</th>
        <th>{t.stage}</th>
        <th>{t.slot}</th>
        <th>{t.status}</th>
        <th class="num">{t.attempts}</th>
        <th>{t.error}</th>
        {session.role === 'kelola' ? <th>{t.action}</th> : null}
      </tr>
    </thead>
    <tbody>
      {rows.map((r) => (
        <tr id={`pengingat-${r.id}`}>
          <td class="nowrap">{m.dateTime(r.sendAt, zone)}</td>
          <td>
            <a href={`${BASE}/wilayah/${r.regionCode}`}>{r.regionName}</a>
          </td>
          <td>
            {r.chatTitle ?? t.untitled} <small>{m.platform(r.platform)} · #{idHash(salt, r.platform, r.chatId)}</small>
          </td>
          <td>{r.stageName}</td>
          <td>{m.offset(r.offset)}</td>
          <td>
            <Badge tone={TONE[r.status] ?? 'muted'}>{m.status(r.status)}</Badge>
            {r.sentAt ? <div class="muted">{m.dateTime(r.sentAt, zone)}</div> : null}
          </td>
          <td class="num">{r.attempts}</td>
          <td class="text muted">{r.lastError ?? ''}</td>
          {session.role === 'kelola' ? (
            <td>
              {r.status === 'failed' ? (
                <form method="post" action={`${BASE}/pengingat/${r.id}/ulang`} class="row">
                  <Csrf token={session.csrf} />
                  <button type="submit" class="secondary">
                    {t.retry}
                  </button>
                </form>
              ) : null}
            </td>
          ) : null}
        </tr>
      ))}
    </tbody>
  </table>
);

const Deactivated: FC<{ chats: readonly ChatRow[]; zone: string; salt: string }> = ({ chats, zone, salt }) =>
  chats.length === 0 ? (
    <Empty>{t.noDeactivated}</Empty>
  ) : (
    <table>
      <thead>
        <tr>
          <th>{t.chat}</th>
          <th>{t.region}</th>
          <th>{t.since}</th>
          <th>{t.platformError}</th>
        </tr>
      </thead>
      <tbody>
        {chats.map((ch) => (
          <tr>
            <td>
              {ch.title ?? t.untitled} <small>{m.platform(ch.platform)} · #{idHash(salt, ch.platform, ch.chatId)}</small>
            </td>
            <td>{ch.regionCode ? <a href={`${BASE}/wilayah/${ch.regionCode}`}>{ch.regionName ?? ch.regionCode}</a> : m.none}</td>
            <td class="nowrap">{ch.deactivatedAt ? m.dateTime(ch.deactivatedAt, zone) : m.none}</td>
            <td class="text">{ch.deactivatedReason ?? m.none}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

export function registerReminders(app: Hono<ConsoleEnv>, s: ConsoleServices): void {
  app.get('/pengingat', async (c) => {
    const { raw, filter } = parseFilter(c, s.timezone);
    const p = paging(c, PER_PAGE);
    const [{ rows, total }, chats] = await Promise.all([listOutbox(s.db, filter, p), deactivatedChats(s.db)]);
    const query = new URL(c.req.url).searchParams;
    const session = c.get('session')!;
    return page(c, {
      title: t.title,
      active: 'reminders',
      body: (
        <>
          <h1>{t.title}</h1>
          <p class="muted">{t.intro}</p>
          <section class="card">
            <h2>{t.outboxTitle}</h2>
            <FilterForm action={`${BASE}/pengingat`}>
              <Select name="status" label={t.status} value={raw.status!} any={m.all} options={STATUSES.map((x) => ({ value: x, label: m.status(x) }))} />
              <Select name="platform" label={t.platform} value={raw.platform!} any={m.all} options={['telegram', 'slack'].map((x) => ({ value: x, label: m.platform(x) }))} />
              <Field name="wilayah" label={t.regionCode} value={raw.wilayah!} placeholder="33.14" />
              <Field name="tahap" label={t.stageId} value={raw.tahap!} placeholder="bimtek-1" />
              <Field name="dari" label={t.from} value={raw.dari!} type="date" />
              <Field name="sampai" label={t.to} value={raw.sampai!} type="date" />
            </FilterForm>
            {rows.length === 0 ? <Empty>{t.none}</Empty> : <Outbox rows={rows} zone={s.timezone} salt={s.idSalt} session={session} />}
            <Pager base={`${BASE}/pengingat`} query={query} page={p.page} pages={pagesOf(total, PER_PAGE)} total={total} noun={t.noun} />
          </section>
          <section class="card">
            <h2>{t.deactivatedTitle}</h2>
            <Deactivated chats={chats} zone={s.timezone} salt={s.idSalt} />
          </section>
        </>
      ),
    });
  });

  app.post('/pengingat/:id/ulang', kelola, async (c) => {
    const id = Number(c.req.param('id'));
    const now = c.get('now');
    const result = Number.isInteger(id) ? await retryFailed(s.db, id, now) : 'not_failed';
    if (result === 'retried') await recordAudit(s.db, { at: now, actor: `konsol:${c.get('session')!.name}`, action: 'reminder.retry', target: String(id) });
    const key = { retried: 'kirim-ulang', not_failed: 'kirim-ulang-tidak', superseded: 'kirim-ulang-usang' }[result];
    return c.redirect(`${BASE}/pengingat?ok=${key}#pengingat-${id}`, 303);
  });
}
