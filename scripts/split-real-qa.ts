/**
 * Assigns the dev/test halves of the real-shaped evaluation set (eval/real/qa.jsonl), once,
 * before anything is measured, and records the method (see eval/real/README.md):
 *
 * - by document: documents linked by a question that names several of them form one group;
 *   every question of a group gets the same half;
 * - groups are taken folder by folder (berita, edaran, …), within a folder in the order of
 *   SHA-256 of SEED + the group's first path, and each goes to the half that has fewer
 *   documents of that folder so far (on a tie: fewer documents overall, then dev), so each
 *   half gets about half the documents of every shape;
 * - unanswerable items alternate dev, test, … in file order.
 *
 * `node --import tsx scripts/split-real-qa.ts` rewrites the `split` fields in place;
 * `--check` only reports whether the file already follows the method.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const FILE = 'eval/real/qa.jsonl';
const SEED = 'pandu-real-2026-11';

interface Item { id: string; gold: Array<{ document: string }>; answerable: boolean; split?: string }

function groups(items: Item[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (d: string): string => {
    const p = parent.get(d) ?? d;
    if (p === d) return d;
    const root = find(p);
    parent.set(d, root);
    return root;
  };
  for (const it of items) {
    const docs = it.gold.map((g) => g.document);
    for (const d of docs) if (!parent.has(d)) parent.set(d, d);
    for (const d of docs.slice(1)) {
      const [a, b] = [find(docs[0]!), find(d)].sort();
      if (a !== b) parent.set(b!, a!);
    }
  }
  return new Map([...parent.keys()].map((d) => [d, find(d)]));
}

export function assignSplits(items: Item[]): Map<string, 'dev' | 'test'> {
  const root = groups(items);
  const hash = (s: string) => createHash('sha256').update(SEED + s).digest('hex');
  const folder = (path: string) => path.split('/').slice(0, -1).join('/');
  const members = new Map<string, number>();
  for (const r of root.values()) members.set(r, (members.get(r) ?? 0) + 1);
  // Groups in (folder, hash) order; each goes to the half with fewer documents of its folder,
  // then fewer documents overall, then dev.
  const order = [...members.keys()].sort((a, b) => folder(a).localeCompare(folder(b)) || hash(a).localeCompare(hash(b)));
  const perFolder = new Map<string, { dev: number; test: number }>();
  const total = { dev: 0, test: 0 };
  const half = new Map<string, 'dev' | 'test'>();
  for (const r of order) {
    const f = perFolder.get(folder(r)) ?? { dev: 0, test: 0 };
    const pick = f.dev !== f.test ? (f.dev < f.test ? 'dev' : 'test') : total.dev <= total.test ? 'dev' : 'test';
    f[pick] += members.get(r)!;
    total[pick] += members.get(r)!;
    perFolder.set(folder(r), f);
    half.set(r, pick);
  }
  const out = new Map<string, 'dev' | 'test'>();
  let unanswerable = 0;
  for (const it of items) {
    if (it.gold.length > 0) out.set(it.id, half.get(root.get(it.gold[0]!.document)!)!);
    else out.set(it.id, unanswerable++ % 2 === 0 ? 'dev' : 'test');
  }
  return out;
}

function main(): void {
  const lines = readFileSync(FILE, 'utf8').split('\n').filter((l) => l.trim());
  const items = lines.map((l) => JSON.parse(l) as Item);
  const splits = assignSplits(items);
  const differ = items.filter((it) => it.split !== splits.get(it.id));
  if (process.argv.includes('--check')) {
    console.log(differ.length === 0 ? 'splits follow the method' : `${differ.length} items differ: ${differ.map((d) => d.id).join(', ')}`);
    process.exit(differ.length === 0 ? 0 : 1);
  }
  const out = items.map((it) => JSON.stringify({ ...it, split: splits.get(it.id) }));
  writeFileSync(FILE, `${out.join('\n')}\n`);
  const count = (s: string) => items.filter((it) => splits.get(it.id) === s).length;
  console.log(`dev ${count('dev')} items, test ${count('test')} items`);
}

if (process.argv[1]?.endsWith('split-real-qa.ts')) main();
