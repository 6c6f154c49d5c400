import type { FC } from 'hono/jsx';
import { consoleMessages as m, consolePages } from '../../messages/index.ts';
import type { Passage, QuestionDetail, QuestionRow } from '../../questions/index.ts';
import { BASE } from '../context.ts';
import { idHash } from '../ids.ts';
import { Badge, Empty } from './parts.tsx';

const t = consolePages.questions;

/** Long questions are cut in the list; the detail page shows them whole. */
const LIST_CHARS = 160;
const cut = (s: string) => (s.length > LIST_CHARS ? `${s.slice(0, LIST_CHARS - 1)}…` : s);

export const Feedback: FC<{ q: Pick<QuestionRow, 'feedback' | 'feedbackReason'> }> = ({ q }) =>
  q.feedback === 1 ? (
    <Badge tone="ok">👍</Badge>
  ) : q.feedback === -1 ? (
    <Badge tone="bad">👎{q.feedbackReason ? ` ${m.reason(q.feedbackReason)}` : ''}</Badge>
  ) : null;

export const QuestionTable: FC<{ rows: readonly QuestionRow[]; zone: string; salt: string }> = ({ rows, zone, salt }) => (
  <table>
    <thead>
      <tr>
        <th>{t.askedAt}</th>
        <th>{t.question}</th>
        <th>{t.platform}</th>
        <th>{t.user}</th>
        <th>{t.region}</th>
        <th>{t.intent}</th>
        <th>{t.result}</th>
      </tr>
    </thead>
    <tbody>
      {rows.map((q) => {
        const user = idHash(salt, q.platform, q.userId);
        return (
          <tr>
            <td class="nowrap">{m.dateTime(q.askedAt, zone)}</td>
            <td class="text">
              <a href={`${BASE}/pertanyaan/${q.id}`}>{q.question === null ? t.textDeleted : cut(q.question)}</a>
            </td>
            <td>{m.platform(q.platform)}</td>
            <td class="nowrap">{user ? <a href={`${BASE}/pertanyaan?pengguna=${user}`}>#{user}</a> : m.none}</td>
            <td>{q.regionName ?? m.none}</td>
            <td>{m.intent(q.intent)}</td>
            <td>
              {q.refused ? <Badge tone="warn">{t.refused}</Badge> : <Badge tone="ok">{t.answered}</Badge>} <Feedback q={q} />
            </td>
          </tr>
        );
      })}
    </tbody>
  </table>
);

const Passages: FC<{ items: readonly Passage[] }> = ({ items }) => (
  <table>
    <thead>
      <tr>
        <th>{t.document}</th>
        <th>{t.heading}</th>
        <th class="num">{t.pageNo}</th>
        <th class="num">{t.score}</th>
        <th>{t.snippet}</th>
      </tr>
    </thead>
    <tbody>
      {items.map((p) => (
        <tr>
          <td>
            {p.title ?? p.document}
            {p.title ? <div class="muted">{p.document}</div> : null}
          </td>
          <td>{p.heading || m.none}</td>
          <td class="num">{p.page ?? m.none}</td>
          <td class="num">{p.score.toFixed(2)}</td>
          <td class="text">{p.snippet}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

export const QuestionView: FC<{ q: QuestionDetail; zone: string; salt: string; retentionDays: number }> = ({ q, zone, salt, retentionDays }) => (
  <>
    <p>
      <a href={`${BASE}/pertanyaan`}>{t.back}</a>
    </p>
    <h1>{t.detailTitle(q.id)}</h1>
    <section class="card">
      {q.textDeletedAt ? <p class="flash">{t.deletedNotice(m.dateTime(q.textDeletedAt, zone), retentionDays)}</p> : null}
      <dl class="facts">
        <dt>{t.askedAt}</dt>
        <dd>{m.dateTime(q.askedAt, zone)}</dd>
        <dt>{t.platform}</dt>
        <dd>{m.platform(q.platform)}</dd>
        <dt>{t.user}</dt>
        <dd>
          {idHash(salt, q.platform, q.userId) ? `#${idHash(salt, q.platform, q.userId)}` : m.none} · {t.chat} {idHash(salt, q.platform, q.chatId) ? `#${idHash(salt, q.platform, q.chatId)}` : m.none}
          <div class="muted">{m.hashedId}</div>
        </dd>
        <dt>{t.region}</dt>
        <dd>{q.regionName ?? m.none}</dd>
        <dt>{t.intent}</dt>
        <dd>{m.intent(q.intent)}</dd>
        <dt>{t.result}</dt>
        <dd>
          {q.refused ? <Badge tone="warn">{t.refused}</Badge> : <Badge tone="ok">{t.answered}</Badge>} <Feedback q={q} />
          {q.feedbackComment ? <div class="muted">{t.comment(q.feedbackComment)}</div> : null}
        </dd>
        <dt>{t.latency}</dt>
        <dd>{q.latencyMs === null ? m.none : `${q.latencyMs} ms`}</dd>
      </dl>
    </section>
    <section class="card">
      <h2>{t.question}</h2>
      <p class="answer">{q.question ?? t.textDeleted}</p>
      <h2>{t.answer}</h2>
      <p class="answer">{q.answer ?? t.textDeleted}</p>
    </section>
    <section class="card">
      <h2>{t.citations}</h2>
      {q.citations.length === 0 ? <Empty>{t.noCitations}</Empty> : <Passages items={q.citations} />}
    </section>
    <section class="card">
      <h2>{t.retrieved}</h2>
      {q.retrieved === null ? <Empty>{t.notRetrieved}</Empty> : q.retrieved.length === 0 ? <Empty>{t.noneRetrieved}</Empty> : <Passages items={q.retrieved} />}
    </section>
  </>
);
