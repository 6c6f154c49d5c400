import { digestMessages as m } from '../messages/index.ts';
import { localDate } from '../programme/index.ts';
import { digestCsv, type DigestCsv } from './csv.ts';
import type { DigestData } from './types.ts';

/** Slack's limit for one text object (a section's mrkdwn). */
export const SLACK_TEXT_LIMIT = 3000;
/** Slack's limit of blocks in one message. */
export const SLACK_BLOCK_LIMIT = 50;

export type SectionId = 'overdue' | 'upcoming' | 'progress' | 'unbound' | 'paused' | 'delivery' | 'questions' | 'feedback';

/** One part of the digest, already fitted to Slack's limits; both renderers show exactly these lines. */
export interface DigestSection {
  readonly id: SectionId;
  readonly title: string;
  readonly lines: readonly string[];
  /** Rows left out of `lines` (they are in the CSV attachment). */
  readonly hidden: number;
}

/** The digest as shown: the same content for Slack and for `pandu digest --dry-run`. */
export interface Digest {
  readonly data: DigestData;
  readonly period: string;
  readonly title: string;
  readonly context: string;
  /** Notification / fallback text. */
  readonly summary: string;
  readonly sections: readonly DigestSection[];
  /** The full tables, attached when any section had to leave rows out. */
  readonly csv: DigestCsv | null;
}

/** Slack mrkdwn needs &, < and > escaped; the plain-text rendering does not. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The section's mrkdwn text as Slack gets it (also the measure for fitting). */
export function sectionMrkdwn(s: Pick<DigestSection, 'title' | 'lines' | 'hidden'>): string {
  const lines = [`*${escapeMrkdwn(s.title)}*`, ...s.lines.map(escapeMrkdwn)];
  if (s.hidden > 0) lines.push(`_${escapeMrkdwn(m.more(s.hidden))}_`);
  return lines.join('\n');
}

function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Keeps at most maxRows rows, and only as many as fit in one Slack text object; the
 * rest is counted as hidden (and goes to the CSV attachment).
 */
function fit(id: SectionId, title: string, rows: readonly string[], maxRows: number): DigestSection {
  let shown = Math.min(rows.length, maxRows);
  for (;;) {
    const section = { id, title, lines: rows.slice(0, shown), hidden: rows.length - shown };
    if (shown === 0 || sectionMrkdwn(section).length <= SLACK_TEXT_LIMIT) return section;
    shown--;
  }
}

const MAX_ROWS = { overdue: 15, upcoming: 12, progress: 12, unbound: 15, delivery: 10 } as const;
const NAMES_INLINE = 6;

/** A table section: its rows fitted (MAX_ROWS, Slack's limit), or the one 'none' line when there are no rows. */
function listSection(o: { id: keyof typeof MAX_ROWS; title: string; rows: readonly string[]; none: string }): DigestSection {
  return o.rows.length === 0 ? { id: o.id, title: o.title, lines: [o.none], hidden: 0 } : fit(o.id, o.title, o.rows, MAX_ROWS[o.id]);
}

export function digestSections(data: DigestData): DigestSection[] {
  const sections: DigestSection[] = [];

  sections.push(
    listSection({
      id: 'overdue',
      title: m.overdueTitle(data.overdue.length),
      rows: data.overdue.map((o) => m.overdueLine({ ...o, regionName: o.name, regionCode: o.code })),
      none: m.overdueNone,
    }),
  );

  const pairs = data.upcoming.reduce((n, u) => n + u.regions.length, 0);
  sections.push(
    listSection({
      id: 'upcoming',
      title: m.upcomingTitle(data.horizonDays, pairs),
      rows: data.upcoming.map((u) =>
        m.upcomingLine({
          ...u,
          names: u.regions.length <= NAMES_INLINE ? u.regions.map((r) => r.name) : [],
          count: u.regions.length,
        }),
      ),
      none: m.upcomingNone(data.horizonDays),
    }),
  );

  sections.push(listSection({ id: 'progress', title: m.progressTitle, rows: data.progress.map((p) => m.progressLine(p)), none: m.progressNone }));

  sections.push(
    listSection({ id: 'unbound', title: m.unboundTitle(data.unbound.length), rows: data.unbound.map((u) => m.unboundLine(u)), none: m.unboundNone }),
  );

  sections.push(
    listSection({
      id: 'delivery',
      title: m.deliveryTitle(data.problems.length),
      rows: data.problems.map((p) => {
        const chat = p.chatTitle ? `"${clip(p.chatTitle, 60)}"` : p.chatId;
        const regionName = p.regionName ?? m.unknownRegion;
        const reason = clip(p.reason ?? m.unknownReason, 160);
        return p.kind === 'failed' && p.stageName && p.dueOn
          ? m.deliveryFailed({ platform: p.platform, chat, regionName, stageName: p.stageName, dueOn: p.dueOn, reason })
          : m.deliveryDeactivated({ platform: p.platform, chat, regionName, reason });
      }),
      none: m.deliveryNone,
    }),
  );

  const q = data.questions;
  const qLines: string[] = [];
  if (q.total === 0) qLines.push(m.questionsNone);
  else {
    qLines.push(m.questionsTop, ...q.top.map((t) => m.questionLine({ question: clip(t.question, 150), count: t.count })));
    if (q.topRefused.length > 0) {
      qLines.push(m.questionsRefused, ...q.topRefused.map((t) => m.questionLine({ question: clip(t.question, 150), count: t.count })));
    }
  }
  sections.push({ id: 'questions', title: m.questionsTitle(q.total, q.refused), lines: qLines, hidden: 0 });

  sections.push(feedbackSection(q, data.timezone));
  if (data.paused.length > 0) sections.push(pausedSection(data));
  return sections;
}

/** 👎 answers with why (reason, comment) and the documents they cited, so staff can fix the corpus. */
function feedbackSection(q: DigestData['questions'], timezone: string): DigestSection {
  return {
    id: 'feedback',
    title: m.feedbackTitle(q.downvotedTotal),
    lines:
      q.downvoted.length === 0
        ? [m.feedbackNone]
        : q.downvoted.map((f) =>
            m.feedbackLine({
              question: clip(f.question, 120),
              answer: clip(f.answer, 160),
              platform: f.platform,
              date: localDate(f.at, timezone),
              reason: f.reason,
              comment: f.comment ? clip(f.comment, 160) : null,
              documents: f.documents.slice(0, 3),
            }),
          ),
    hidden: 0,
  };
}

/** Groups that paused a stage's reminders (/tunda): staff see who asked for quiet, and until when. */
function pausedSection(data: DigestData): DigestSection {
  return {
    id: 'paused',
    title: m.pausedTitle(data.paused.length),
    lines: data.paused.map((p) => m.pausedLine({ ...p, until: localDate(p.until, data.timezone) })),
    hidden: 0,
  };
}

function clockTime(at: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(at)
    .replace(':', '.');
}

/** Shapes gathered data into the digest both renderers show. */
export function composeDigest(data: DigestData): Digest {
  const sections = digestSections(data);
  const hidden = sections.some((s) => s.hidden > 0);
  return {
    data,
    period: data.period,
    title: m.title(data.period),
    context: m.context(localDate(data.now, data.timezone), clockTime(data.now, data.timezone), data.timezone, data.windowDays),
    summary: m.summary({
      period: data.period,
      overdue: data.overdue.length,
      upcoming: data.upcoming.reduce((n, u) => n + u.regions.length, 0),
      unbound: data.unbound.length,
      problems: data.problems.length,
    }),
    sections,
    csv: hidden ? digestCsv(data) : null,
  };
}
