/**
 * Bahasa Indonesia text analysis shared by ingest, retrieval, answers and conversations:
 * the one tokenizer (words, terms, sentences, stop words) and Sastrawi stemming.
 */
export { escapeRegExp, holdsRun, normalize, sentences, stem, isOrdinaryWord, isRoot, termCounts, terms, wordTable, words, STOP_WORDS } from './text.ts';
export { SastrawiStemmer, loadRootWords } from './sastrawi/stemmer.ts';
export { stripControlChars } from './clean.ts';
export { instructionAt } from './instructions.ts';
export { MONTH_NAMES, MONTH_SPELLINGS } from './months.ts';
