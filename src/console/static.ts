import { readFileSync } from 'node:fs';

/** The console's one stylesheet, read once (served at /konsol/gaya.css, before login too). */
export const STYLESHEET = readFileSync(new URL('./konsol.css', import.meta.url), 'utf8');
