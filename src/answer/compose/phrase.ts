import { terms } from '../../language/index.ts';

/**
 * Word order as evidence: the question's adjacent index terms ('hari kedua' → `hari 2`). A
 * sentence that says two of the question's words side by side, in its order, speaks of the
 * same thing ('Hari kedua diisi …'), where one that holds them apart may not ('dua hari').
 */
export class Phrases {
  private readonly pairs: ReadonlySet<string>;
  private readonly cache = new Map<string, number>();

  constructor(question: string, weighed: (term: string) => boolean) {
    const ts = terms(question);
    const pairs = new Set<string>();
    for (let i = 1; i < ts.length; i++) if (weighed(ts[i - 1]!) && weighed(ts[i]!) && ts[i - 1] !== ts[i]) pairs.add(`${ts[i - 1]} ${ts[i]}`);
    this.pairs = pairs;
  }

  /** Share of the question's pairs the text says in order (0 when the question has none). */
  share(text: string): number {
    if (this.pairs.size === 0) return 0;
    let s = this.cache.get(text);
    if (s === undefined) {
      const ts = terms(text);
      const found = new Set<string>();
      for (let i = 1; i < ts.length; i++) {
        const pair = `${ts[i - 1]} ${ts[i]}`;
        if (this.pairs.has(pair)) found.add(pair);
      }
      s = found.size / this.pairs.size;
      this.cache.set(text, s);
    }
    return s;
  }
}
