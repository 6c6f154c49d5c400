import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRefused } from './errors.ts';

/**
 * OCR of scanned PDF pages with Debian's tools: `pdftoppm` (poppler-utils) renders a
 * page, `tesseract` with its Indonesian data (tesseract-ocr-ind) reads it. Each call has
 * a deadline and is killed when it passes it.
 */
export interface OcrOptions {
  /** Program paths; found on PATH by default. */
  readonly tesseract?: string;
  readonly pdftoppm?: string;
  /** Tesseract language data, 'ind' by default. */
  readonly language?: string;
  readonly pageTimeoutMs?: number;
  readonly dpi?: number;
}

export type OcrMissing = 'tesseract' | 'language' | 'pdftoppm';

const DEFAULT_PAGE_TIMEOUT_MS = 90_000;

interface Run {
  readonly stdout: string;
}

function run(file: string, args: readonly string[], timeoutMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      // One thread: tesseract would otherwise take every core of a shared server.
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024, env: { ...process.env, OMP_THREAD_LIMIT: '1' } },
      (err, stdout) => (err ? reject(err) : resolve({ stdout: String(stdout) })),
    );
  });
}

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'EACCES';

/** What is missing for OCR, or null when both tools and the language data are there. */
export async function missingForOcr(options: OcrOptions = {}): Promise<OcrMissing | null> {
  try {
    const { stdout } = await run(options.tesseract ?? 'tesseract', ['--list-langs'], 15_000);
    if (!stdout.split(/\s+/).includes(options.language ?? 'ind')) return 'language';
  } catch (err) {
    if (isMissing(err)) return 'tesseract';
    throw loadRefused('ocr_failed', (err as Error).message.split('\n')[0]);
  }
  try {
    await run(options.pdftoppm ?? 'pdftoppm', ['-v'], 15_000);
  } catch (err) {
    if (isMissing(err)) return 'pdftoppm';
  }
  return null;
}

/** Reads the given pages (1-based) of a PDF with OCR; calls `onPage` after each. */
export async function ocrPdfPages(
  data: Uint8Array,
  pages: readonly number[],
  options: OcrOptions = {},
  onPage?: (page: number) => void,
): Promise<Map<number, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'pandu-ocr-'));
  const timeout = options.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
  const out = new Map<number, string>();
  try {
    const pdf = join(dir, 'in.pdf');
    await writeFile(pdf, data);
    for (const page of pages) {
      const image = join(dir, `p${page}`);
      const p = String(page);
      try {
        await run(options.pdftoppm ?? 'pdftoppm', ['-f', p, '-l', p, '-r', String(options.dpi ?? 300), '-gray', '-png', '-singlefile', pdf, image], timeout);
        const { stdout } = await run(options.tesseract ?? 'tesseract', [`${image}.png`, 'stdout', '-l', options.language ?? 'ind', '--psm', '3'], timeout);
        out.set(page, stdout);
      } catch (err) {
        if ((err as { killed?: boolean }).killed) throw loadRefused('ocr_timeout', `hlm. ${page}`);
        throw loadRefused('ocr_failed', `hlm. ${page}: ${(err as Error).message.split('\n')[0]}`);
      } finally {
        await rm(`${image}.png`, { force: true });
      }
      onPage?.(page);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return out;
}
