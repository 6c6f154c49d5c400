import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { captionBlocks, type Block, type LoadedDoc } from './blocks.ts';
import { CAPTION_CREDIT, type RemovedCounts, type RemovedKind } from './boilerplate.ts';
import { LineCleaner } from './cleaner.ts';
import { findDate } from './dates.ts';
import { walkHtml } from './html.ts';

/** Below this much article text, Readability has not found an article: the whole body is used. */
const MIN_ARTICLE_CHARS = 200;

interface Article {
  readonly html: string;
  readonly title: string | null;
  readonly publishedTime: string | null;
}

/** The page's main content as Readability (Firefox Reader View) finds it, or null when it finds none. */
function extractArticle(html: string): Article | null {
  const { document } = parseHTML(html);
  // linkedom's Document implements what Readability reads; its types are its own.
  const doc = document as unknown as ConstructorParameters<typeof Readability>[0];
  if (!doc.body) return null;
  const article = new Readability(doc, { keepClasses: false }).parse();
  if (!article?.content || (article.textContent ?? '').trim().length < MIN_ARTICLE_CHARS) return null;
  return { html: article.content, title: article.title?.trim() || null, publishedTime: article.publishedTime ?? null };
}

/**
 * The page's photo captions that the article lost (Readability leaves out a lead photo above the
 * text; a caption closed by its credit reads as a credit line), without their credit: a caption
 * often holds the venue and names ('… di Ruang OR Gedung Tudung Saji'). They follow the article.
 */
function missingCaptions(html: string, blocks: readonly Block[]): Block[] {
  const { document } = parseHTML(html);
  const captions: string[] = [];
  for (const el of document.querySelectorAll('figcaption')) captions.push((el.textContent ?? '').replace(/\s+/g, ' ').trim().replace(CAPTION_CREDIT, '').trim());
  return captionBlocks(blocks, [...new Set(captions.filter((text) => text.split(' ').length >= 5))]);
}

/** Lines of the whole page that are not in the article, counted by the kind of furniture they are. */
function outsideCounts(page: LineCleaner, article: LineCleaner): RemovedCounts {
  const inArticle = new Set(article.log.map((l) => l.key));
  const counts: Partial<Record<RemovedKind, number>> = { outside_article: page.removed.outside_article ?? 0 };
  for (const l of page.log) {
    if (inArticle.has(l.key)) continue;
    const kind = l.kind ?? 'outside_article';
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

/**
 * A web page: the article Readability extracts (headings, lists and tables kept), walked
 * into blocks and cleaned; the page around it (menus, sidebars, related lists, comments,
 * footers) is dropped and counted. Without an article, the whole body is used. The
 * place and date come from the article's dateline, else from a date line near the
 * top of the page, else from the page's publication metadata.
 */
export function parseWebPage(html: string, fallbackTitle: string): LoadedDoc {
  const pageCleaner = new LineCleaner();
  const page = walkHtml(html, { cleaner: pageCleaner });
  const article = extractArticle(html);
  const title = page.firstH1 ?? article?.title ?? page.docTitle ?? fallbackTitle;
  if (!article) {
    return { title, blocks: page.blocks, pageCount: null, removed: pageCleaner.removed, meta: { publishedAt: pageCleaner.publishedAt, place: pageCleaner.place } };
  }
  const cleaner = new LineCleaner();
  const body = walkHtml(article.html, { cleaner });
  const outside = outsideCounts(pageCleaner, cleaner);
  cleaner.merge(outside);
  const blocks = cleaner.withCaptions(body.blocks);
  return {
    title,
    blocks: [...blocks, ...missingCaptions(html, blocks)],
    pageCount: null,
    removed: cleaner.removed,
    meta: {
      publishedAt: cleaner.publishedAt ?? pageCleaner.publishedAt ?? (article.publishedTime ? findDate(article.publishedTime.slice(0, 10)) : null),
      place: cleaner.place ?? pageCleaner.place,
    },
  };
}
