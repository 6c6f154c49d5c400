import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/index.ts';
import { createLogger } from '../../src/log.ts';
import { createHashingEmbedder } from '../../src/retrieval/embedder.ts';
import { ensureEmbeddings } from '../../src/retrieval/index-store.ts';
import { testDb } from '../support/db.ts';
import { makeScannedPdf } from '../support/news-docs.ts';
import { runPanduOnce, tempDir } from '../support/process.ts';

const logger = createLogger('silent', { pretty: false });
const embedder = createHashingEmbedder(256);

// A decree as it is filed after signing: printed, signed, scanned.
const DECREE = [
  'KEPUTUSAN BUPATI KLATEN',
  'TENTANG PEMBENTUKAN DEWAN SMART CITY',
  'Menetapkan Dewan Smart City Kabupaten Klaten dengan susunan anggota sebagaimana tercantum dalam lampiran keputusan ini.',
  'Dewan bertugas mengarahkan penyusunan masterplan dan memantau pelaksanaan quick win setiap triwulan.',
];

let scanDir = '';

beforeAll(async () => {
  scanDir = tempDir('pandu-scan-');
  const pdf = await makeScannedPdf(DECREE);
  writeFileSync(join(scanDir, 'sk-dewan-smart-city.pdf'), pdf);
  // Really image-only: poppler finds no text on it at all.
  expect(execFileSync('pdftotext', [join(scanDir, 'sk-dewan-smart-city.pdf'), '-']).toString().trim()).toBe('');
}, 60_000);

async function deps() {
  const db = await testDb('pglite');
  await ensureEmbeddings(db, embedder);
  return { db, embedder, logger };
}

describe('scanned PDF pages', () => {
  it('reads a page without a text layer with OCR and says which page it was', async () => {
    const d = await deps();
    const summary = await ingestPaths(d, [scanDir]);
    expect(summary.files[0]).toMatchObject({ status: 'new', ocr_pages: [1] });
    expect(summary.ocrPages).toBe(1);
    const [row] = await d.db.query<{ text: string }>(`SELECT string_agg(text, ' ') AS text FROM chunks`);
    expect(row!.text).toMatch(/Dewan Smart City Kabupaten Klaten/);
    expect(row!.text).toMatch(/penyusunan masterplan/);
  }, 120_000);

  it('refuses a scan as "scan tanpa lapisan teks" when Tesseract is not installed, storing nothing', async () => {
    const d = await deps();
    const summary = await ingestPaths(d, [scanDir], { parser: { limits: { ocr: { tesseract: join(tempDir(), 'tidak-ada', 'tesseract') } } } });
    expect(summary.files[0]).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^scan tanpa lapisan teks.*pasang paket tesseract-ocr dan tesseract-ocr-ind/) });
    expect(await d.db.query('SELECT 1 FROM documents')).toEqual([]);
  });

  it('pandu ingest lists the OCRed page, and names the missing program when Tesseract is not on PATH', async () => {
    const db = join(tempDir(), 'db');
    const withOcr = await runPanduOnce(['ingest', scanDir], { DATABASE_URL: db });
    expect(withOcr.code).toBe(0);
    expect(withOcr.stdout).toMatch(/sk-dewan-smart-city\.pdf \(\d+ potongan; OCR hlm\. 1\)/);
    expect(withOcr.stdout).toMatch(/1 halaman dibaca dengan OCR/);

    // PATH with poppler's renderer but no tesseract, as on a server without tesseract-ocr.
    const bin = join(tempDir(), 'bin');
    mkdirSync(bin);
    symlinkSync(execFileSync('which', ['pdftoppm']).toString().trim(), join(bin, 'pdftoppm'));
    const without = await runPanduOnce(['ingest', scanDir, '--force'], { DATABASE_URL: join(tempDir(), 'db'), PATH: bin });
    expect(without.code).toBe(1);
    expect(without.stdout).toMatch(/GAGAL\s+\S*sk-dewan-smart-city\.pdf: scan tanpa lapisan teks/);
  }, 180_000);
});
