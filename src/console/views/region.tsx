import type { FC } from 'hono/jsx';
import { consoleMessages as m, consolePages } from '../../messages/index.ts';
import { daysLeft } from '../../programme/index.ts';
import type { Session } from '../auth/sessions.ts';
import { BASE } from '../context.ts';
import { idHash } from '../ids.ts';
import type { RegionPage } from '../stores/region.ts';
import { Badge, Csrf, Empty } from './parts.tsx';

const t = consolePages.region;

interface Props {
  readonly d: RegionPage;
  readonly now: Date;
  readonly zone: string;
  readonly salt: string;
  readonly session: Session;
}

const canChange = (s: Session) => s.role === 'kelola';

const Facts: FC<Props> = ({ d }) => (
  <dl class="facts">
    <dt>{t.code}</dt>
    <dd>{d.region.code}</dd>
    <dt>{t.province}</dt>
    <dd>{d.region.province}</dd>
    <dt>{t.zone}</dt>
    <dd>{m.zone(d.region.timezone)}</dd>
    <dt>{t.cohort}</dt>
    <dd>{d.region.cohort ?? t.noCohort}</dd>
  </dl>
);

const StageStatus: FC<Props & { stageId: string }> = ({ d, now, zone, stageId }) => {
  const dl = d.deadlines.find((x) => x.stageId === stageId)!;
  const done = d.completions.get(stageId);
  if (done) {
    return (
      <div>
        <Badge tone="ok">{t.done}</Badge> <small>{m.completionSource(done.source)}</small>
        {done.completedBy ? <div class="muted">{t.doneBy(m.actor(done.completedBy), m.dateTime(done.completedAt, zone))}</div> : null}
        {done.note ? <div class="muted">{t.note(done.note)}</div> : null}
      </div>
    );
  }
  const left = daysLeft(dl, now);
  return <Badge tone={left < 0 ? 'bad' : left <= 7 ? 'warn' : 'muted'}>{m.relativeDay(left)}</Badge>;
};

const StageActions: FC<Props & { stageId: string }> = ({ d, session, stageId }) => {
  const done = d.completions.get(stageId);
  const base = `${BASE}/wilayah/${d.region.code}/tahap/${encodeURIComponent(stageId)}`;
  if (done?.source === 'sekretariat') {
    return (
      <form method="post" action={`${base}/batal`} class="row">
        <Csrf token={session.csrf} />
        <button type="submit" class="secondary">
          {t.withdraw}
        </button>
      </form>
    );
  }
  if (done) return null;
  return (
    <details class="action">
      <summary>{t.markDone}…</summary>
      <form method="post" action={`${base}/selesai`} class="row">
        <Csrf token={session.csrf} />
        <input type="text" name="catatan" required maxlength={500} placeholder={t.notePlaceholder} aria-label={t.noteLabel} />
        <button type="submit">{t.markDone}</button>
      </form>
    </details>
  );
};

export const Deadlines: FC<Props> = (p) =>
  p.d.deadlines.length === 0 ? (
    <Empty>{t.noDeadlines}</Empty>
  ) : (
    <table>
      <thead>
        <tr>
          <th>{t.stage}</th>
          <th>{t.due}</th>
          <th>{t.status}</th>
          {canChange(p.session) ? <th>{t.action}</th> : null}
        </tr>
      </thead>
      <tbody>
        {p.d.deadlines.map((dl) => (
          <tr id={`tahap-${dl.stageId}`}>
            <td>{dl.stageName}</td>
            <td class="nowrap">
              {m.date(dl.dueOn)} <small>23.59 {m.zoneShort(dl.timezone)}</small>
              {dl.overridden ? <div class="muted">{t.override(dl.reason)}</div> : null}
            </td>
            <td>
              <StageStatus {...p} stageId={dl.stageId} />
            </td>
            {canChange(p.session) ? (
              <td>
                <StageActions {...p} stageId={dl.stageId} />
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );

export const Checklists: FC<Props> = ({ d, zone }) =>
  d.checklists.length === 0 ? (
    <Empty>{t.noChecklist}</Empty>
  ) : (
    <>
      {d.checklists.map((cl) => (
        <details open={cl.done > 0 && cl.done < cl.total}>
          <summary>{t.checklistSummary(cl.stageName, cl.done, cl.total)}</summary>
          <table>
            <tbody>
              {cl.items.map((i) => (
                <tr>
                  <td class="nowrap">{i.done ? '☑' : '☐'} {i.id}</td>
                  <td>
                    {i.title} {i.required ? null : <Badge tone="muted">{t.optional}</Badge>}
                  </td>
                  <td class="muted">{i.done && i.updatedBy ? t.tickedBy(i.updatedBy, m.dateTime(i.updatedAt!, zone)) : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </>
  );

export const Chats: FC<Props> = ({ d, zone, salt, session }) =>
  d.chats.length === 0 ? (
    <Empty>{t.noChats}</Empty>
  ) : (
    <table>
      <thead>
        <tr>
          <th>{t.chat}</th>
          <th>{t.state}</th>
          <th>{t.reminders}</th>
          <th>{t.bound}</th>
        </tr>
      </thead>
      <tbody>
        {d.chats.map((ch) => (
          <tr>
            <td>
              {ch.title ?? t.untitled} <small>{m.platform(ch.platform)} · #{idHash(salt, ch.platform, ch.chatId)}</small>
            </td>
            <td>
              {ch.active ? <Badge tone="ok">{t.active}</Badge> : <Badge tone="bad">{t.inactive}</Badge>}
              {!ch.active && ch.deactivatedReason ? <div class="muted">{ch.deactivatedReason}</div> : null}
            </td>
            <td>
              {ch.remindersEnabled ? <Badge tone="ok">{t.on}</Badge> : <Badge tone="warn">{t.paused}</Badge>}
              {session.role === 'kelola' && ch.regionCode ? (
                <form method="post" action={`${BASE}/grup/${ch.id}/pengingat`} class="row">
                  <Csrf token={session.csrf} />
                  <input type="hidden" name="aksi" value={ch.remindersEnabled ? 'jeda' : 'lanjut'} />
                  <button type="submit" class="secondary">
                    {ch.remindersEnabled ? t.pause : t.resume}
                  </button>
                </form>
              ) : null}
            </td>
            <td class="muted">{ch.boundAt ? m.dateTime(ch.boundAt, zone) : m.none}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

export const Reminders: FC<Props> = ({ d, zone }) =>
  d.reminders.length === 0 ? (
    <Empty>{t.noReminders}</Empty>
  ) : (
    <table>
      <thead>
        <tr>
          <th>{t.sendAt}</th>
          <th>{t.stage}</th>
          <th>{t.slot}</th>
          <th>{t.status}</th>
          <th>{t.error}</th>
        </tr>
      </thead>
      <tbody>
        {d.reminders.map((r) => (
          <tr>
            <td class="nowrap">{m.dateTime(r.sendAt, zone)}</td>
            <td>{r.stageName}</td>
            <td>{m.offset(r.offset)}</td>
            <td>
              <Badge tone={r.status === 'sent' ? 'ok' : r.status === 'failed' ? 'bad' : 'muted'}>{m.status(r.status)}</Badge>
            </td>
            <td class="text muted">{r.lastError ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

export const InviteForm: FC<{ code: string; csrf: string }> = ({ code, csrf }) => (
  <form method="post" action={`${BASE}/wilayah/${code}/undangan`} class="row">
    <Csrf token={csrf} />
    <button type="submit">{t.createInvite}</button>
    <small>{t.inviteHint}</small>
  </form>
);

export const RegionView: FC<Props> = (p) => (
  <>
    <p>
      <a href={`${BASE}/wilayah`}>{t.back}</a>
    </p>
    <h1>{p.d.region.name}</h1>
    <div class="grid2">
      <section class="card">
        <Facts {...p} />
      </section>
      <section class="card">
        <h2>{t.inviteTitle}</h2>
        {canChange(p.session) ? <InviteForm code={p.d.region.code} csrf={p.session.csrf} /> : <p class="muted">{t.inviteReadOnly}</p>}
      </section>
    </div>
    <section class="card">
      <h2>{t.deadlinesTitle}</h2>
      <Deadlines {...p} />
    </section>
    <section class="card">
      <h2>{t.checklistTitle}</h2>
      <Checklists {...p} />
    </section>
    <section class="card">
      <h2>{t.chatsTitle}</h2>
      <Chats {...p} />
    </section>
    <section class="card">
      <h2>{t.remindersTitle}</h2>
      <Reminders {...p} />
    </section>
  </>
);
