import type { AnswerService } from '../../answer/index.ts';
import type { Config } from '../../config/index.ts';
import type { Db } from '../../db/index.ts';
import type { Logger } from '../../log.ts';
import type { Embedder } from '../../retrieval/index.ts';
import type { DigestPublisher } from './digest.ts';

/** What every Slack feature's `register(app, deps)` receives. */
export interface SlackFeatureDeps {
  readonly db: Db;
  readonly answers: AnswerService;
  readonly logger: Logger;
  readonly slack: Config['slack'];
  /** Zone staff read dates in (PANDU_TIMEZONE). */
  readonly timezone: string;
  readonly now: () => Date;
  readonly digest: DigestPublisher;
  /** For documents shared from Slack (the same embedder as the knowledge base); none: not offered. */
  readonly embedder?: Embedder;
  /** Largest file taken from Slack. */
  readonly maxFileBytes: number;
}

/** Staff commands (`undang`, `digest`) are for configured users, or anyone in a configured channel. */
export function isStaff(slack: Pick<Config['slack'], 'staffUsers' | 'staffChannels'>, userId: string, channelId: string): boolean {
  return slack.staffUsers.includes(userId) || slack.staffChannels.includes(channelId);
}
