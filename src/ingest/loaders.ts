import { extname } from 'node:path';
import type { LoadedDoc } from './blocks.ts';
import { loadRefused } from './errors.ts';
import { findInstructions, type InstructionFlag } from './instructions.ts';
import { parseMarkdown } from './markdown.ts';
import { LineCleaner } from './cleaner.ts';
import { readPageText, withoutPageTail } from './page-text.ts';
import { decodeAny, decodeUtf8, titleFromFileName } from './file-checks.ts';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './limits.ts';
import { normalize } from '../language/index.ts';
import { issuerOf } from '../regions/names.ts';

/** A parsed document with the passages staff should review. */
export interface ParsedDoc extends LoadedDoc {
  readonly instructions: readonly InstructionFlag[];
}

/**
 * DOCX through mammoth once its zip entries are checked; images are never unpacked. The
 * format's libraries (like those of PDF and HTML below) are loaded when such a file first
 * arrives: a run of Markdown starts its worker without them (a third of a second).
 */
async function parseDocx(data: Uint8Array, fallbackTitle: string, limits: ParseLimits): Promise<LoadedDoc> {
  const [{ default: mammoth }, { checkZip }, { parseHtml }] = await Promise.all([import('mammoth'), import('./zip-guard.ts'), import('./html.ts')]);
  await checkZip(data, limits.zip);
  let html: string;
  try {
    const res = await mammoth.convertToHtml(
      { buffer: Buffer.from(data) },
      {
        styleMap: ["br[type='page'] => hr.page-break"],
        includeDefaultStyleMap: true,
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = res.value;
  } catch (err) {
    throw loadRefused('docx_corrupt', (err as Error).message);
  }
  // Mammoth's HTML is the document itself: no page furniture to look past, so no Readability.
  return parseHtml(html, fallbackTitle, { pageBreaks: true });
}

/**
 * Plain text: the first short line is the title; paragraphs split on blank lines. A web page
 * saved as text is read from its headline, without its masthead, menus, credits and tail.
 */
function parsePlainText(text: string, fallback: string): LoadedDoc {
  const page = pageOf(text);
  if (page) return page;
  const lines = text.split(/\r?\n/);
  const first = lines.find((l) => l.trim())?.trim() ?? '';
  const heading = first.replace(/^#{1,6}\s+/, '');
  const title = heading.length > 0 && heading.length <= 120 && !/[.!?]$/.test(heading) ? heading : fallback;
  const body = title === heading ? text.slice(text.indexOf(first) + first.length) : text;
  const doc = readAsWritten(body, title);
  return { ...doc, title };
}

/** A saved web page: its article under its headline, the furniture counted as removed. */
function pageOf(text: string): LoadedDoc | null {
  const page = readPageText(text);
  if (!page) return null;
  const cleaner = new LineCleaner();
  cleaner.furniture(page.header);
  cleaner.count('header_footer', page.footer);
  return { ...parseMarkdown(page.body, page.title, cleaner), title: page.title };
}

/**
 * Markdown: a document that opens with its title ('# …') or front matter is read as written; a
 * news page saved as Markdown (masthead and menu lines above a '## headline' and its credits) is
 * read from its headline, like a page saved as text.
 */
function parseMarkdownText(text: string, fallback: string): LoadedDoc {
  const first = text.split(/\r?\n/).find((l) => l.trim())?.trim() ?? '';
  return (/^(#\s|---$)/.test(first) ? null : pageOf(text)) ?? readAsWritten(text, fallback);
}

/** A document read as written, without the tail of a web page it may end with (counted as removed). */
function readAsWritten(text: string, title: string): LoadedDoc {
  const { body, footer } = withoutPageTail(text);
  const cleaner = new LineCleaner();
  cleaner.count('header_footer', footer);
  return parseMarkdown(body, title, cleaner);
}

/**
 * Loads one file (already checked; text files already decoded) into blocks, cleaned of
 * boilerplate, with the instruction-like passages found. Runs in the parse worker.
 */
export async function loadDocument(
  path: string,
  data: Uint8Array,
  text: string | null,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
  onProgress?: () => void,
): Promise<ParsedDoc> {
  const ext = extname(path).toLowerCase();
  const fallback = titleFromFileName(path);
  const tooLarge = () => loadRefused('text_too_large', `${limits.maxChars.toLocaleString('id-ID')} karakter`);
  // Markup aside, a text file's length is its text's: refuse before parsing what cannot be kept.
  if (text !== null && text.length > (ext === '.html' || ext === '.htm' ? limits.maxChars * 4 : limits.maxChars)) throw tooLarge();
  let doc: LoadedDoc;
  switch (ext) {
    case '.pdf':
      doc = await (await import('./pdf.ts')).parsePdf(data, fallback, { ocr: limits.ocr, maxChars: limits.maxChars, maxOcrPages: limits.maxOcrPages, onProgress });
      break;
    case '.docx':
      doc = await parseDocx(data, fallback, limits);
      break;
    case '.html':
    case '.htm':
      doc = (await import('./web-page.ts')).parseWebPage(text ?? decodeUtf8(data), fallback);
      break;
    case '.txt':
      doc = parsePlainText(text ?? decodeAny(data), fallback);
      break;
    default:
      doc = parseMarkdownText(text ?? decodeUtf8(data), fallback);
  }
  if (doc.blocks.length === 0 || doc.blocks.every((b) => b.text.length < 2)) throw loadRefused('no_text');
  if (doc.blocks.reduce((n, b) => n + b.text.length, 0) > limits.maxChars) throw tooLarge();
  const titled = withIssuer(doc);
  return { ...titled, instructions: findInstructions(titled.blocks) };
}

/** How much of a document's opening may hold its letterhead. */
const LETTERHEAD_CHARS = 300;

/**
 * A title that does not name the kabupaten/kota whose letterhead opens the document ('NOTULEN
 * RAPAT DEWAN SMART CITY' under 'PEMERINTAH KABUPATEN HUMBANG HASUNDUTAN') gets it appended:
 * every chunk is indexed and cited under its title, so each section is found by the region too.
 * A heading path rooted at the old title is rooted at the new one, so that heading is still
 * read as the title and not as a section of its own.
 */
function withIssuer(doc: LoadedDoc): LoadedDoc {
  let opening = '';
  for (const b of doc.blocks) {
    if (opening.length >= LETTERHEAD_CHARS) break;
    opening += `${b.text}\n`;
  }
  const issuer = issuerOf(`${doc.title}\n${opening.slice(0, LETTERHEAD_CHARS)}`);
  if (!issuer || normalize(doc.title).includes(issuer.bare)) return doc;
  const title = `${doc.title} — ${issuer.name}`;
  const blocks = doc.blocks.map((b) => (b.headings[0] === doc.title ? { ...b, headings: [title, ...b.headings.slice(1)] } : b));
  return { ...doc, title, blocks };
}
