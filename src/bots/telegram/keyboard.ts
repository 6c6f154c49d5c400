import { InlineKeyboard } from 'grammy';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { FeedbackReason } from '../../answer/types.ts';
import { telegramMessages as t } from '../../messages/index.ts';

/** Callback data under answers: 'more:<remainder>', 'fb:<question>:<vote>', 'fbr:<question>:<reason>', 'fb:ok'. */
export const MORE_DATA = /^more:(\d{1,15})$/;
export const FEEDBACK_DATA = /^fb:(\d{1,12}):(1|-1)$/;
export const REASON_DATA = /^fbr:(\d{1,12}):(salah|kurang_lengkap|tidak_relevan)$/;
export const LOCKED_DATA = 'fb:ok';

export const REASONS: readonly FeedbackReason[] = ['salah', 'kurang_lengkap', 'tidak_relevan'];

/** The buttons under a fresh answer: "Selengkapnya" (when there is more), then 👍/👎. */
export function answerKeyboard(o: { questionId: number | null; remainderId: number | null }): InlineKeyboardMarkup | undefined {
  const k = new InlineKeyboard();
  if (o.remainderId !== null) k.text(t.ask.more, `more:${o.remainderId}`).row();
  if (o.questionId !== null) k.text(t.ask.feedbackUp, `fb:${o.questionId}:1`).text(t.ask.feedbackDown, `fb:${o.questionId}:-1`);
  const rows = k.inline_keyboard.filter((r) => r.length > 0);
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}

const dataOf = (b: InlineKeyboardButton): string => ('callback_data' in b ? (b.callback_data ?? '') : '');

/**
 * The same keyboard with its feedback row replaced (`feedback` null: removed) and, when
 * `dropMore`, without the "Selengkapnya" row. Rows are read from the message, so no state is kept.
 */
export function withRows(current: InlineKeyboardMarkup | undefined, o: { feedback?: InlineKeyboardButton[] | null; dropMore?: boolean }): InlineKeyboardMarkup {
  const rows: InlineKeyboardButton[][] = [];
  for (const row of current?.inline_keyboard ?? []) {
    const more = row.some((b) => MORE_DATA.test(dataOf(b)));
    if (more && !o.dropMore) rows.push(row);
    if (!more && o.feedback === undefined) rows.push(row);
  }
  if (o.feedback) rows.push(o.feedback);
  return { inline_keyboard: rows };
}

export const reasonRow = (questionId: number): InlineKeyboardButton[] =>
  REASONS.map((r) => ({ text: t.feedback.reasons[r], callback_data: `fbr:${questionId}:${r}` }));

export const lockedRow = (label: string): InlineKeyboardButton[] => [{ text: label, callback_data: LOCKED_DATA }];
