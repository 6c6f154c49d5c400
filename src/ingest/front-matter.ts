import { parse } from 'yaml';
import type { DocMeta } from './blocks.ts';
import { findDate } from './dates.ts';
import { loadRefused } from './errors.ts';

/**
 * A Markdown file's own metadata in its front matter: `published_at` (a date),
 * `place` and `url`. Other keys are left to their readers (checklists).
 */
export function frontMatterMeta(yaml: string): DocMeta {
  let data: unknown;
  try {
    data = parse(yaml);
  } catch (err) {
    throw loadRefused('front_matter_invalid', (err as Error).message.split('\n')[0]);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return {};
  const fm = data as Record<string, unknown>;
  const text = (key: string): string | null => {
    const v = fm[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string' && !(v instanceof Date)) throw loadRefused('front_matter_invalid', `${key}: bukan teks`);
    return v instanceof Date ? v.toISOString().slice(0, 10) : v.trim() || null;
  };
  const raw = text('published_at');
  const publishedAt = raw === null ? null : findDate(raw);
  if (raw !== null && publishedAt === null) {
    throw loadRefused('front_matter_invalid', `published_at: bukan tanggal yang valid (${raw})`);
  }
  const url = text('url');
  if (url !== null && !/^https?:\/\/\S+$/i.test(url)) throw loadRefused('front_matter_invalid', `url: bukan alamat http(s) (${url})`);
  return { publishedAt, place: text('place'), url };
}
