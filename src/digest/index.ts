import type { Queryable } from '../db/index.ts';
import { gatherDigest, type GatherOptions } from './data.ts';
import { composeDigest, type Digest } from './sections.ts';

export { isoWeek } from './period.ts';
export { gatherDigest, type DigestData, type GatherOptions, type OverdueItem, type UpcomingItem, type StageProgress, type UnboundRegion, type DeliveryProblem, type QuestionStats } from './data.ts';
export { composeDigest, digestSections, escapeMrkdwn, SLACK_BLOCK_LIMIT, SLACK_TEXT_LIMIT, type Digest, type DigestSection, type SectionId } from './sections.ts';
export { renderDigestBlocks, type Block, type DigestMessage } from './blocks.ts';
export { renderDigestText } from './text.ts';
export { digestCsv, type DigestCsv } from './csv.ts';
export { digestChart, type DigestChart } from './chart.ts';

/** Gathers and composes the digest at `now` (read-only). */
export async function buildDigest(db: Queryable, options: GatherOptions): Promise<Digest> {
  return composeDigest(await gatherDigest(db, options));
}
