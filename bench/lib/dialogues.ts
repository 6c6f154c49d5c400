/**
 * Follow-up accuracy on corpus/eval/dialogues.jsonl: short officer dialogues whose
 * follow-up turns are answered (a) through the conversation memory, in one session per
 * dialogue, and (b) without it (each question alone, as the chat would send it). A turn
 * counts when the answer is not a refusal and holds every key fact. Topic switches are
 * turns that must stand alone: one "carried" means the memory rewrote it anyway.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { AnswerService } from '../../src/answer/types.ts';
import { createConversationalAnswerService } from '../../src/conversation/index.ts';
import type { Db } from '../../src/db/index.ts';
import { factsHit } from '../../src/evaluation/index.ts';
import type { Embedder } from '../../src/retrieval/embedder.ts';

const turn = z.object({
  question: z.string().min(1),
  role: z.enum(['start', 'followup', 'switch']),
  /** What the question means on its own (follow-ups: the expected rewrite; switches: the question itself). */
  standalone: z.string().optional(),
  type: z.string(),
  gold: z.array(z.object({ document: z.string(), section: z.string().optional() })),
  facts: z.array(z.string()).min(1),
});
const dialogue = z.object({
  id: z.string(),
  /** The chat's bound region (code), or null for an unbound chat. */
  region: z.string().nullable(),
  note: z.string().optional(),
  turns: z.array(turn).min(2).max(4),
});
export type Dialogue = z.infer<typeof dialogue>;

export function readDialogues(file: string): Dialogue[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = dialogue.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
      for (const t of parsed.data.turns) if (t.role === 'followup' && !t.standalone) throw new Error(`${file}:${i + 1}: a follow-up needs its standalone rewrite`);
      if (parsed.data.turns[0]!.role === 'followup') throw new Error(`${file}:${i + 1}: a dialogue cannot open with a follow-up`);
      return parsed.data;
    });
}

export interface DialogueReport {
  /** Key-fact accuracy of follow-up turns with conversation memory. */
  followups_with_memory: number;
  /** The same turns asked alone (no memory). */
  followups_without_memory: number;
  /** Share of topic switches the memory rewrote (should be ~0). */
  topic_switch_carried: number;
  dialogues: number;
  followups: number;
  switches: number;
  /** The expected standalone rewrites asked directly: the ceiling set by retrieval and answering. */
  followups_oracle: number;
  /** Follow-ups the memory rewrote at all. */
  followups_rewritten: number;
  misses: Array<{ id: string; question: string; standalone: string; why: string; oracle?: boolean }>;
}

const round = (x: number) => Number(x.toFixed(3));

export async function evaluateDialogues(
  deps: { db: Db; embedder?: Embedder; answers: AnswerService; now?: () => Date },
  file: string,
): Promise<DialogueReport> {
  const items = readDialogues(file);
  const memory = createConversationalAnswerService(deps.answers, { db: deps.db, now: deps.now, rewriter: null });
  const run = randomUUID().slice(0, 8);
  let followups = 0, withMemory = 0, withoutMemory = 0, oracle = 0, rewritten = 0, switches = 0, carried = 0;
  const misses: DialogueReport['misses'] = [];
  const ok = (a: { refused: boolean; answer: string }, facts: readonly string[]) => !a.refused && factsHit(a.answer, facts);

  for (const d of items) {
    const sessionId = `eval:${run}:${d.id}`;
    for (const [i, t] of d.turns.entries()) {
      const base = { platform: 'cli' as const, regionCode: d.region, record: false };
      const a = await memory.ask({ ...base, question: t.question, sessionId });
      if (t.role === 'switch') {
        switches++;
        if (a.understood !== undefined) {
          carried++;
          misses.push({ id: `${d.id}.${i + 1}`, question: t.question, standalone: a.standalone, why: 'topic switch carried context' });
        }
      }
      if (t.role !== 'followup') continue;
      followups++;
      if (a.understood !== undefined) rewritten++;
      const hit = ok(a, t.facts);
      if (hit) withMemory++;
      if (ok(await deps.answers.ask({ ...base, question: t.question }), t.facts)) withoutMemory++;
      const oracleHit = ok(await deps.answers.ask({ ...base, question: t.standalone! }), t.facts);
      if (oracleHit) oracle++;
      if (!hit) misses.push({ id: `${d.id}.${i + 1}`, question: t.question, standalone: a.standalone, why: a.refused ? 'refused' : 'key facts missing', oracle: oracleHit });
    }
    await memory.forget(sessionId);
  }
  const f = followups || 1;
  return {
    followups_with_memory: round(withMemory / f),
    followups_without_memory: round(withoutMemory / f),
    topic_switch_carried: round(carried / (switches || 1)),
    dialogues: items.length,
    followups,
    switches,
    followups_oracle: round(oracle / f),
    followups_rewritten: round(rewritten / f),
    misses,
  };
}
