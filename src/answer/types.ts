/** The contract between the answering core and every adapter (Telegram, Slack, console, CLI). */
import type { Vocabulary } from './vocabulary.ts';

export type Intent = 'deadline' | 'checklist' | 'rule' | 'greeting' | 'out_of_scope';
export type Platform = 'telegram' | 'slack' | 'console' | 'cli';

export interface Citation {
  /** Corpus path, e.g. 'corpus/panduan/06-bimtek-1-analisis-strategis.md'. */
  readonly document: string;
  readonly title: string;
  /** Heading path, ' > ' separated. */
  readonly heading: string;
  readonly page: number | null;
  /** At most 300 characters. */
  readonly snippet: string;
  readonly score: number;
  /** The document's dateline, when it states one: ISO date and place. */
  readonly published_at?: string | null;
  readonly place?: string | null;
  /** The document's public address, when it has one (links in chat renderers). */
  readonly url?: string | null;
}

export interface AskInput {
  readonly question: string;
  readonly platform: Platform;
  readonly chatId?: string;
  readonly userId?: string;
  /** Region of the chat (bound group) or chosen by the user; deadlines/checklists need it. */
  readonly regionCode?: string | null;
  /** Conversation key (chat + thread) for follow-up questions. */
  readonly sessionId?: string;
  readonly now?: Date;
  /** False for evaluation runs: the question is not written to the `questions` log. */
  readonly record?: boolean;
  /** The stages and region names read for this question (the conversation layer reads them once). */
  readonly vocabulary?: Vocabulary;
  /** Characters shown at once (the rest goes to `Answer.more`); the composer's default when absent. */
  readonly budget?: number;
}

export interface Answer {
  readonly question: string;
  readonly intent: Intent;
  /** Plain text in Bahasa Indonesia, without the source list (adapters render citations). */
  readonly answer: string;
  /** The rest of a long answer, within reach of a 'selengkapnya' control; empty when nothing more. */
  readonly more?: string;
  readonly refused: boolean;
  readonly citations: readonly Citation[];
  /** Row id in `questions` (for 👍/👎 feedback); null when not logged. */
  readonly questionId: number | null;
  /** When a follow-up was rewritten: what Pandu understood, e.g. 'Bimtek III, Kabupaten Sragen'. */
  readonly understood?: string;
}

export interface AnswerService {
  ask(input: AskInput): Promise<Answer>;
  /** Stores a 👍 (1) or 👎 (-1) on a logged question (with a 👎's reason and comment); the last vote wins. */
  feedback(questionId: number, vote: 1 | -1, by: string, detail?: FeedbackDetail): Promise<void>;
}

/** Why an answer got 👎 (stored in questions.feedback_reason). */
export type FeedbackReason = 'salah' | 'kurang_lengkap' | 'tidak_relevan';

export interface FeedbackDetail {
  readonly reason?: FeedbackReason;
  /** One line, at most MAX_FEEDBACK_COMMENT characters. */
  readonly comment?: string;
}

export const MAX_FEEDBACK_COMMENT = 500;

/** Longest question accepted from users, in characters. */
export const MAX_QUESTION_LENGTH = 1_000;
