import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { PanduError } from '../errors.ts';
import { programmeFileMessages as m } from '../messages/programme.ts';

const schema = z.object({
  kind: z.literal('checklist'),
  stage: z.string().regex(/^[a-z0-9-]+$/),
  stage_name: z.string().min(1),
  order: z.number().int().min(1),
  items: z
    .array(
      z.object({
        id: z.string().regex(/^[A-Z0-9]+-\d{2,3}$/, m.badItemId),
        title: z.string().min(1),
        description: z.string().min(1),
        output: z.string().min(1),
        required: z.boolean().optional(),
      }),
    )
    .min(1),
});

export type Checklist = z.infer<typeof schema>;

/** Splits '---\nYAML\n---\nbody' into its parts; null when there is no front matter. */
export function splitFrontMatter(text: string): { yaml: string; body: string; bodyLine: number } | null {
  const m = text.match(/^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/);
  if (!m) return null;
  return { yaml: m[1]!, body: text.slice(m[0].length), bodyLine: m[0].split('\n').length };
}

/** Parses a checklist file's front matter; CHECKLIST_INVALID names the line and reason. */
export function parseChecklist(text: string): Checklist {
  const fm = splitFrontMatter(text);
  if (!fm) throw new PanduError('CHECKLIST_INVALID', { issues: [{ line: 1, reason: m.noFrontMatter }] });
  const lineCounter = new LineCounter();
  const doc = parseDocument(fm.yaml, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + 1; // +1 for the opening ---
  if (doc.errors.length > 0) {
    throw new PanduError('CHECKLIST_INVALID', {
      issues: doc.errors.map((e) => ({ line: lineAt(e.pos[0]), reason: e.message.split('\n')[0] ?? e.message })),
    });
  }
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    throw new PanduError('CHECKLIST_INVALID', {
      issues: parsed.error.issues.map((i) => {
        const node = doc.getIn(i.path as (string | number)[], true) as { range?: [number, number, number] } | undefined;
        return { line: node?.range ? lineAt(node.range[0]) : 1, reason: m.atPath(i.path.join('.'), i.message) };
      }),
    });
  }
  const seen = new Set<string>();
  for (const item of parsed.data.items) {
    if (seen.has(item.id)) throw new PanduError('CHECKLIST_INVALID', { issues: [{ line: 1, reason: m.itemTwice(item.id) }] });
    seen.add(item.id);
  }
  return parsed.data;
}
