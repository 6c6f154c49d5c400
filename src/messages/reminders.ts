/** Deadline reminders sent to region groups, and the `pandu reminders` CLI lines. */
import { formatDate, zoneAbbr } from './core.ts';

export interface ReminderMessageData {
  readonly regionName: string;
  readonly stageName: string;
  /** 'YYYY-MM-DD' in the region's zone. */
  readonly dueOn: string;
  readonly timezone: string;
  /** Days left in the region's zone at sending time: 0 on the day, negative when overdue. */
  readonly daysLeft: number;
  /** Null when the stage has no checklist in Pandu. */
  readonly checklist: {
    readonly done: number;
    readonly total: number;
    readonly open: readonly { readonly id: string; readonly title: string; readonly required?: boolean }[];
  } | null;
  /** Where it goes: a group (or Slack channel) or one person's private chat; the wording follows. */
  readonly chat?: 'group' | 'private';
}

/** Telegram HTML or Slack mrkdwn; both need &, < and > escaped. */
export type ReminderFormat = 'html' | 'mrkdwn';

const MAX_OPEN_ITEMS = 8;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function bold(text: string, format: ReminderFormat): string {
  return format === 'html' ? `<b>${text}</b>` : `*${text}*`;
}

function headline(d: ReminderMessageData, f: ReminderFormat): string {
  const stage = escapeHtml(d.stageName);
  const region = escapeHtml(d.regionName);
  const when = `${bold(formatDate(d.dueOn), f)} (${zoneAbbr(d.timezone)})`;
  if (d.daysLeft > 1) {
    return `🔔 ${bold(`Pengingat tenggat H-${d.daysLeft}: ${stage}`, f)}\n${region}: tahap ini harus selesai paling lambat ${when}, ${d.daysLeft} hari lagi.`;
  }
  if (d.daysLeft === 1) {
    return `🔔 ${bold(`Pengingat tenggat H-1: ${stage}`, f)}\n${region}: tahap ini harus selesai paling lambat besok, ${when}.`;
  }
  if (d.daysLeft === 0) {
    return `⏰ ${bold(`Hari ini batas akhir: ${stage}`, f)}\n${region}: tahap ini harus selesai hari ini, ${when}.`;
  }
  return (
    `⚠️ ${bold(`Tenggat terlewat: ${stage}`, f)}\n${region}: tenggat tahap ini ${when} sudah lewat ${-d.daysLeft} hari. ` +
    `Mohon segera diselesaikan, atau hubungi sekretariat program bila memerlukan perpanjangan.`
  );
}

function checklistPart(d: ReminderMessageData, f: ReminderFormat): string {
  const c = d.checklist;
  if (!c || c.total === 0) return 'Checklist tahap ini belum tersedia di Pandu.';
  const lines = [`Kemajuan checklist: ${bold(`${c.done}/${c.total}`, f)} butir selesai.`];
  if (c.open.length > 0) {
    lines.push('Yang belum selesai:');
    for (const item of c.open.slice(0, MAX_OPEN_ITEMS)) {
      lines.push(`• ${escapeHtml(item.title)} (${escapeHtml(item.id)}${item.required === false ? ', anjuran' : ''})`);
    }
    if (c.open.length > MAX_OPEN_ITEMS) lines.push(`• …dan ${c.open.length - MAX_OPEN_ITEMS} butir lainnya`);
    lines.push('Sudah ada yang selesai? Tandai dengan /checklist.');
  }
  return lines.join('\n');
}

/** The reminder a region's group receives: what is due and when, progress, open items, how to mark them. */
export function reminderMessage(d: ReminderMessageData, format: ReminderFormat = 'html'): string {
  const footer =
    d.chat === 'private'
      ? 'Untuk menunda pengingat tahap ini: /tunda 7 (1–30 hari). Untuk mematikan semua pengingat di obrolan ini: /pengingat off'
      : 'Admin grup dapat menunda pengingat tahap ini dengan /tunda 7 (1–30 hari), atau mematikan pengingat di grup ini dengan /pengingat off';
  return [headline(d, format), checklistPart(d, format), footer].join('\n\n');
}

export const reminderCli = {
  planHeader: (count: number, chats: number) =>
    count === 0 ? 'Tidak ada pengingat terjadwal pada rentang ini.' : `${count} pengingat untuk ${chats} grup:`,
  planChat: (platform: string, chatId: string, regionName: string, regionCode: string) =>
    `${platform} ${chatId} — ${regionName} (${regionCode})`,
  planLine: (input: { sendAt: string; zone: string; offset: number; stageName: string; dueOn: string; catchUp: boolean }) =>
    `  ${input.sendAt} ${zoneAbbr(input.zone)}  ${offsetLabel(input.offset).padEnd(4)}  ${input.stageName} ` +
    `(tenggat ${formatDate(input.dueOn, false)})${input.catchUp ? ' — terlewat, dikirim sekarang' : ''}`,
  runSummary: (s: { sent: number; failed: number; skipped: number; cancelled: number; retrying: number; enqueued: number }) =>
    `Pengingat: ${s.sent} terkirim, ${s.failed} gagal, ${s.retrying} akan dicoba lagi, ` +
    `${s.skipped} digabung (terlewat), ${s.cancelled} dibatalkan; ${s.enqueued} baru dijadwalkan.`,
  noSender:
    'TELEGRAM_BOT_TOKEN belum diatur: pengingat Telegram hanya dijadwalkan, belum dapat dikirim. ' +
    'Atur tokennya lalu jalankan lagi: pandu reminders run',
  pausedHeader: (n: number) => `Pengingat yang ditunda (/tunda): ${n}`,
  pausedLine: (p: { platform: string; chat: string; regionName: string; stageName: string; until: string }) =>
    `  ${p.platform} ${p.chat} — ${p.regionName}: ${p.stageName} ditunda sampai ${p.until}`,
  badNow: '--now harus berupa waktu ISO 8601, mis. 2026-03-24T08:00:00+07:00',
  badDays: '--days harus bilangan bulat 0 sampai 366',
} as const;

/** 7 → 'H-7', 0 → 'H-0', -1 → 'H+1'. */
export function offsetLabel(offset: number): string {
  return offset >= 0 ? `H-${offset}` : `H+${-offset}`;
}

/** Why a reminder row was not sent, as stored in `reminder_outbox.last_error` and shown in the console and CLI. */
export const reminderOutcome = {
  chatInactive: 'grup tidak aktif',
  remindersOff: 'pengingat dimatikan di grup ini',
  regionChanged: 'grup tidak lagi terikat ke wilayah ini',
  deadlineGone: 'tenggat tidak ada lagi di kalender',
  deadlineMoved: (dueOn: string) => `tenggat berubah menjadi ${dueOn}`,
  stageDone: 'tahap sudah selesai',
  stopped: 'dispatcher berhenti sebelum mengirim',
} as const;

