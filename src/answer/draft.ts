import type { Citation, Intent } from './types.ts';

/** An answer before it is logged: what every answerer returns. */
export interface Draft {
  readonly intent: Intent;
  readonly answer: string;
  /** The rest of a long answer, shown on request ('selengkapnya'). */
  readonly more?: string;
  readonly refused: boolean;
  readonly citations: readonly Citation[];
  readonly understood?: string;
  /** The passages retrieved for a text answer (logged for the console), refusals included. */
  readonly retrieved?: readonly Citation[];
}

/** Appends citations, skipping one already cited for the same document and section. */
export function addCitation(list: Citation[], c: Citation | null): void {
  if (c && !list.some((x) => x.document === c.document && x.heading === c.heading)) list.push(c);
}
