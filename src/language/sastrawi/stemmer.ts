import { readFileSync } from 'node:fs';

/**
 * Sastrawi's stemmer for Bahasa Indonesia (see README.md in this folder): a word is cut
 * down to a root word of the dictionary by removing particles, possessives, suffixes and
 * prefixes, looking the remainder up after each step. A word that reaches no root word is
 * returned unchanged. Rule order and the exact letter tests follow the original, so that
 * stems (and the search index built from them) stay the same.
 */

const VOWELS = 'aiueo';
const CONSONANTS = 'bcdfghjklmnpqrstvwxyz';

/** The remainder after a prefix, and letters that may have been absorbed by it (meN- + p…). */
type Cut = readonly [rest: string, restore: readonly string[] | null];

const isIn = (ch: string, set: string): boolean => ch !== '' && set.includes(ch);
const vowel = (ch: string): boolean => isIn(ch, VOWELS);
const consonant = (ch: string): boolean => isIn(ch, CONSONANTS);
/** The letter at i, or '' past the end. */
const at = (w: string, i: number): string => (i >= w.length ? '' : w[i]!);

const CONFIX = /^(be.+lah|be.+an|me.+i|di.+i|pe.+i|ter.+i)$/;
const PARTICLE = /-?(lah|kah|tah|pun)$/g;
const POSSESSIVE = /-?(ku|mu|nya)$/g;
const SUFFIX = /-?(is|isme|isasi|i|kan|an)$/g;

/** Splits off what `pattern` matches at the end: [removed, remainder]. */
function strip(word: string, pattern: RegExp): [string, string] {
  const rest = word.replace(pattern, '');
  return [word.slice(rest.length), rest];
}

function cutMe(w: string): Cut {
  const [c2, c3, c4] = [at(w, 2), at(w, 3), at(w, 4)];
  if (isIn(c2, 'lrwy') && vowel(c3)) return [w.slice(2), null];
  if ((c2 === 'm' && isIn(c3, 'bfv')) || (c2 === 'm' && c3 === 'p' && c4 === 'e')) return [w.slice(3), null];
  if (c2 === 'm' && (vowel(c3) || (c3 === 'r' && vowel(c4)))) return [w.slice(3), ['m', 'p']];
  if (c2 === 'n' && isIn(c3, 'cdjstz')) return [w.slice(3), null];
  if (c2 === 'n' && vowel(c3)) return [w.slice(3), ['n', 't']];
  if (c2 === 'n' && c3 === 'g' && isIn(c4, 'ghqk')) return [w.slice(4), null];
  if (c2 === 'n' && c3 === 'g' && vowel(c4)) return c4 === 'e' ? [w.slice(5), null] : [w.slice(4), ['ng', 'k']];
  if (c2 === 'n' && c3 === 'y' && vowel(c4)) return c4 === 'a' ? [w.slice(2), null] : [`s${w.slice(4)}`, null];
  if (c2 === 'm' && c3 === 'p' && c4 !== 'e') return [w.slice(3), null];
  return [w, null];
}

/** per-/ber-/ter- before a consonant cluster: r, a consonant (not r), then not "er" + vowel. */
function rCluster(c3: string, c5: string, c6: string, c7: string): boolean {
  return consonant(c3) && c3 !== 'r' && (c5 !== 'e' || (c6 === 'r' && vowel(c7)));
}

function cutPe(w: string): Cut {
  const [c2, c3, c4, c5, c6, c7] = [at(w, 2), at(w, 3), at(w, 4), at(w, 5), at(w, 6), at(w, 7)];
  const plainConsonant = consonant(c2) && !isIn(c2, 'rwylmn');
  if (isIn(c2, 'wy') && vowel(c3)) return [w.slice(2), null];
  if (c2 === 'r' && vowel(c3)) return [w.slice(3), ['r']];
  if ((c2 === 'r' && rCluster(c3, c5, c6, c7)) || (c2 === 'm' && isIn(c3, 'bfv'))) return [w.slice(3), null];
  if (c2 === 'm' && (vowel(c3) || (c3 === 'r' && vowel(c4)))) return [w.slice(3), ['m', 'p']];
  if (c2 === 'n' && isIn(c3, 'cdjstz')) return [w.slice(3), null];
  if (c2 === 'n' && vowel(c3)) return [w.slice(3), ['n', 't']];
  if (c2 === 'n' && c3 === 'g' && consonant(c4)) return [w.slice(4), null];
  if (c2 === 'n' && c3 === 'g' && vowel(c4)) return c4 === 'e' ? [w.slice(5), null] : [w.slice(4), ['k']];
  if (c2 === 'n' && c3 === 'y' && vowel(c4)) return [w.slice(4), ['s', 'ny']];
  if (c2 === 'l' && vowel(c3)) return w === 'pelajar' ? ['ajar', null] : [w.slice(2), null];
  if (plainConsonant && c3 === 'e' && c4 === 'r' && vowel(c5)) return [w.slice(3), null];
  if (plainConsonant) return [w.slice(2), null];
  return [w, null];
}

function cutBe(w: string): Cut {
  const [c2, c3, c4, c5, c6, c7] = [at(w, 2), at(w, 3), at(w, 4), at(w, 5), at(w, 6), at(w, 7)];
  if (c2 === 'r' && vowel(c3)) return [w.slice(3), ['r']];
  if ((c2 === 'r' && rCluster(c3, c5, c6, c7)) || w === 'belajar') return [w.slice(3), null];
  if (consonant(c2) && c2 !== 'r' && c2 !== 'l' && c3 === 'e' && c4 === 'r' && consonant(c5)) return [w.slice(2), null];
  return [w, null];
}

function cutTe(w: string): Cut {
  const [c2, c3, c4, c5, c6] = [at(w, 2), at(w, 3), at(w, 4), at(w, 5), at(w, 6)];
  const cluster = c2 === 'r' && consonant(c3) && c3 !== 'r';
  if (c2 === 'r' && vowel(c3)) return [w.slice(3), ['r']];
  if ((cluster && c4 === 'e' && c5 === 'r' && vowel(c6)) || (cluster && c4 !== 'e')) return [w.slice(3), null];
  if (consonant(c2) && c2 !== 'r' && c3 === 'e' && c4 === 'r' && consonant(c5)) return [w.slice(2), null];
  if (cluster && c4 === 'e' && c5 === 'r' && consonant(c6)) return [w.slice(3), null];
  return [w, null];
}

/** -el-, -em-, -er-, -in- after the first consonant (gelembung, kinerja): the word, or without it. */
function cutInfix(w: string): Cut {
  const [c0, c1, c2, c3] = [at(w, 0), at(w, 1), at(w, 2), at(w, 3)];
  if (consonant(c0) && ((c1 === 'e' && isIn(c2, 'rlm')) || (c1 === 'i' && c2 === 'n')) && vowel(c3)) {
    return [w.slice(3), [w.slice(0, 3), w.slice(0, 1)]];
  }
  return [w, null];
}

/** One prefix off: [the prefix (undefined for an infix), the rest, letters to try back in front]. */
function cutPrefix(w: string): [string | undefined, string, readonly string[] | null] {
  if (/^(di|ke|se|ku)/.test(w)) return [w.slice(0, 2), w.slice(2), null];
  if (w.startsWith('kau')) return ['kau', w.slice(3), null];
  const cut = ({ me: cutMe, pe: cutPe, be: cutBe, te: cutTe } as Record<string, (w: string) => Cut>)[w.slice(0, 2)];
  if (cut) return [w.slice(0, 2), ...cut(w)];
  return [undefined, ...cutInfix(w)];
}

export class SastrawiStemmer {
  private readonly roots: ReadonlySet<string>;

  constructor(roots: Iterable<string> = loadRootWords()) {
    this.roots = new Set(roots);
  }

  /** True when the word is a root word of the dictionary. */
  isRoot(word: string): boolean {
    return this.roots.has(word);
  }

  stem(input: string): string {
    const original = input.toLowerCase();
    if (original.length < 3 || this.isRoot(original)) return original;
    // be-…-lah, me-…-i and the like: prefixes first; otherwise endings first.
    const confix = CONFIX.test(original);
    let word = original;
    if (confix) {
      const [found, rest] = this.removePrefixes(word);
      if (found) return rest;
      word = rest;
    }
    const endings: string[] = [];
    for (const pattern of [PARTICLE, POSSESSIVE, SUFFIX]) {
      const [removed, rest] = strip(word, pattern);
      endings.push(removed);
      word = rest;
      if (this.isRoot(word)) return word;
    }
    if (!confix) {
      const [found, rest] = this.removePrefixes(word);
      if (found) return rest;
    }
    const [particle = '', possessive = '', suffix = ''] = endings;
    const removed = suffix === 'kan' ? ['', 'k', 'an', possessive, particle] : ['', suffix, possessive, particle];
    const [back, result] = this.putSuffixesBack(original, removed);
    return back ? result : original;
  }

  /** Up to three prefixes off, looking the rest up (with any absorbed letter restored) each time. */
  private removePrefixes(input: string): [boolean, string] {
    let word = input;
    let previous: string | undefined = '';
    for (let i = 0; i < 3; i++) {
      if (word.length < 3) return [false, input];
      if (word.slice(0, 2) === previous) break;
      const [prefix, rest, restore] = cutPrefix(word);
      previous = prefix;
      word = rest;
      if (this.isRoot(word)) return [true, word];
      for (const letters of restore ?? []) if (this.isRoot(letters + word)) return [true, letters + word];
    }
    return [false, word];
  }

  /** Puts the removed endings back one at a time (-k of -kan first) and tries the prefixes again. */
  private putSuffixesBack(original: string, removed: readonly string[]): [boolean, string] {
    const base = original.substring(0, original.length - removed.reduce((n, s) => n + s.length, 0));
    for (let i = 0; i < removed.length; i++) {
      const candidate = base + removed.slice(0, i + 1).join('');
      if (this.isRoot(candidate)) return [true, candidate];
      const [found, stemmed] = this.removePrefixes(candidate);
      if (found) return [true, stemmed];
    }
    return [false, original];
  }
}

/** Sastrawi's dictionary of root words, shipped next to this file. */
export function loadRootWords(): string[] {
  const text = readFileSync(new URL('./root-words.txt', import.meta.url), 'utf8');
  return text.split('\n').filter(Boolean);
}
