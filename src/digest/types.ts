import type { DownvotedAnswer, PausedChat } from './staff-notes.ts';

/** What the digest reports, gathered from the database at one instant. */
export interface DigestData {
  /** ISO week of `now` in the staff zone, e.g. '2026-W48'. */
  readonly period: string;
  readonly now: Date;
  /** Zone the digest is read in (PANDU_TIMEZONE). */
  readonly timezone: string;
  /** Start of the reporting window for questions and deliveries (now - windowDays). */
  readonly since: Date;
  readonly windowDays: number;
  readonly horizonDays: number;
  readonly overdue: readonly OverdueItem[];
  readonly upcoming: readonly UpcomingItem[];
  readonly progress: readonly StageProgress[];
  readonly unbound: readonly UnboundRegion[];
  readonly problems: readonly DeliveryProblem[];
  readonly questions: QuestionStats;
  /** Chats whose reminders of a stage are paused (/tunda) at `now`. */
  readonly paused: readonly PausedChat[];
}

export interface RegionRef {
  readonly code: string;
  readonly name: string;
  readonly province: string;
}

/** A cohort region whose stage deadline has passed (in its own zone) without the stage being completed. */
export interface OverdueItem extends RegionRef {
  readonly cohort: number;
  readonly stageId: string;
  readonly stageName: string;
  readonly dueOn: string;
  readonly daysOverdue: number;
}

/** One stage due on one date for some regions of a cohort, within the horizon. */
export interface UpcomingItem {
  readonly cohort: number;
  readonly stageId: string;
  readonly stageName: string;
  readonly dueOn: string;
  /** Days left in the staff zone. */
  readonly daysLeft: number;
  readonly regions: readonly RegionRef[];
}

export interface StageProgress {
  readonly cohort: number;
  readonly stageId: string;
  readonly stageName: string;
  readonly ordinal: number;
  /** The cohort's due date (regions may have overrides). */
  readonly dueOn: string;
  readonly regions: number;
  readonly completed: number;
  /** Checklist items ticked, summed over the regions that have not completed the stage. */
  readonly itemsDone: number;
  /** Checklist items × regions not completed; 0 when none is open or the stage has no checklist. */
  readonly itemsTotal: number;
}

export interface UnboundRegion extends RegionRef {
  readonly cohort: number;
}

export interface DeliveryProblem {
  readonly kind: 'failed' | 'deactivated';
  readonly platform: string;
  readonly chatId: string;
  readonly chatTitle: string | null;
  readonly regionCode: string | null;
  readonly regionName: string | null;
  readonly stageName: string | null;
  readonly dueOn: string | null;
  readonly at: Date;
  readonly reason: string | null;
}

export interface QuestionCount {
  readonly question: string;
  readonly count: number;
}

export interface QuestionStats {
  readonly total: number;
  readonly refused: number;
  readonly top: readonly QuestionCount[];
  readonly topRefused: readonly QuestionCount[];
  readonly downvoted: readonly DownvotedAnswer[];
  readonly downvotedTotal: number;
}

export interface GatherOptions {
  readonly now: Date;
  readonly timezone: string;
  /** Deadlines shown ahead; default 14 days. */
  readonly horizonDays?: number;
  /** Questions and deliveries looked back on; default 7 days. */
  readonly windowDays?: number;
  /** Entries in the most-asked, refused and 👎 lists; default 5. */
  readonly topN?: number;
}
