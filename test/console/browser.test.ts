import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerService } from '../../src/answer/service.ts';
import type { Db } from '../../src/db/index.ts';
import { ingestPaths } from '../../src/ingest/index.ts';
import { createDispatcher } from '../../src/reminders/index.ts';
import { testDb } from '../support/db.ts';
import { group, startHarness, users, type Harness } from '../bots/telegram/harness.ts';
import { CIRCULAR_MD, guideFolder } from './corpus.ts';
import { addAccount, PASSWORD, silent, startConsoleServer, type ConsoleServer } from './harness.ts';
import { addQuestion, NOW, OVERDUE_AT_NOW, seedConsoleProgramme } from './seed.ts';

/** Debian's Chromium (`.ci/install.sh` installs it); never a downloaded browser. */
const CHROMIUM = process.env.PANDU_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Screenshots go here (set SCREENSHOT_DIR=docs/img to refresh the README's). */
const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results';

// The browser flows run on the embedded database: what they add over the HTTP tests is the
// browser (forms, links, images, cookies), and those tests cover both databases.
describe('web console in a real browser (Chromium)', () => {
  let db: Db;
  let s: ConsoleServer;
  let tg: Harness;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let refusedId: number;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (bash .ci/install.sh)`);
    db = await testDb('pglite');
    await seedConsoleProgramme(db);
    s = await startConsoleServer(db);
    await ingestPaths({ db, embedder: s.embedder, logger: silent }, [guideFolder()], { actor: 'cli' });
    const answers = createAnswerService({ db, embedder: s.embedder, logger: silent, now: () => NOW });
    await answers.ask({ question: 'Apa keluaran Bimtek I?', platform: 'telegram', chatId: String(group.id), userId: '602', regionCode: '33.14', now: new Date('2026-03-23T02:10:00Z') });
    const refused = await answers.ask({ question: 'Berapa uang saku dari kementerian untuk setiap peserta bimtek?', platform: 'telegram', chatId: String(group.id), userId: '603', regionCode: '33.14', now: new Date('2026-03-23T04:40:00Z') });
    refusedId = refused.questionId!;
    await addQuestion(db, { question: 'Kapan tenggat Bimtek II untuk Kota Makassar?', region: '73.71', userId: '604', at: '2026-03-22T01:30:00Z', feedback: -1, reason: 'kurang_lengkap' });
    await addAccount(db, 'sekretariat', 'kelola');
    tg = await startHarness(db);
    profile = mkdtempSync(join(tmpdir(), 'pandu-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: FLAGS, viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
    page = context.pages()[0] ?? (await context.newPage());
    mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await tg?.stop();
    await s?.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const go = (path: string) => page.goto(`${s.url}${path}`);
  const cellTexts = (selector: string) => page.locator(selector).allTextContents();

  it('logs in through the form and shows the summary with both charts drawn', async () => {
    await go('/konsol');
    expect(new URL(page.url()).pathname).toBe('/konsol/masuk');
    await page.fill('input[name=nama]', 'sekretariat');
    await page.fill('input[name=sandi]', PASSWORD);
    await page.click('form.stack button[type=submit]');
    await page.waitForURL(`${s.url}/konsol`);
    // Both chart images loaded and decoded by the browser (an SVG that failed would be 0 wide).
    const widths = () => page.locator('img.chart').evaluateAll((imgs) => imgs.map((i) => (i as unknown as { naturalWidth: number }).naturalWidth));
    await expect.poll(async () => (await widths()).filter((w) => w > 300).length, { timeout: 20_000 }).toBe(2);
    expect(await page.locator('h1').textContent()).toBe('Ringkasan');
    expect(await page.locator('.cohorts h3').allTextContents()).toEqual(['Angkatan 2026', 'Angkatan 2025']);
    await page.screenshot({ path: join(SHOTS, 'konsol-ringkasan.png'), fullPage: true });
  }, 120_000);

  it('filters the regions to the ones overdue at the fixed clock', async () => {
    await page.click('nav a:has-text("Wilayah")');
    await page.selectOption('select[name=terlambat]', 'ya');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/terlambat=ya/);
    expect(await cellTexts('tbody tr td:first-child')).toEqual(Object.keys(OVERDUE_AT_NOW).sort());
  }, 60_000);

  it('opens a region, marks a stage complete, and the group\'s /status shows it', async () => {
    await page.click('a:has-text("Kabupaten Sragen")');
    await page.waitForURL(`${s.url}/konsol/wilayah/33.14`);
    const row = page.locator('tr#tahap-pembentukan-tim');
    await row.locator('summary:has-text("Tandai selesai")').click();
    await row.locator('input[name=catatan]').fill('SK Dewan No. 7/2026 diterima');
    await row.locator('button:has-text("Tandai selesai")').click();
    await page.waitForURL(/ok=tahap-selesai/);
    expect(await page.locator('p.flash').textContent()).toContain('Tahap ditandai selesai');
    expect(await page.locator('tr#tahap-pembentukan-tim').textContent()).toContain('dikonfirmasi sekretariat');
    await page.screenshot({ path: join(SHOTS, 'konsol-wilayah.png'), fullPage: true });

    const { updateId } = tg.tg.text(group, users.rina, '/status');
    await tg.settle(updateId);
    const status = tg.texts(group.id).at(-1)!;
    expect(status).toContain('✅ Pembentukan Dewan & Tim Pelaksana: selesai');
    expect(status).toContain('Tahap saat ini: Bimtek I: Analisis Strategis');
  }, 60_000);

  it('opens a refused question and the passages retrieval found for it', async () => {
    await page.click('nav a:has-text("Pertanyaan")');
    await page.selectOption('select[name=ditolak]', 'ya');
    await page.click('form.filters button[type=submit]');
    await page.click(`a[href="/konsol/pertanyaan/${refusedId}"]`);
    await page.waitForURL(`${s.url}/konsol/pertanyaan/${refusedId}`);
    expect(await page.locator('.badge.warn').first().textContent()).toBe('tidak terjawab');
    const passages = page.locator('section:has(h2:has-text("Potongan yang ditemukan pencarian")) tbody tr');
    expect(await passages.count()).toBeGreaterThanOrEqual(2);
    expect(await passages.first().textContent()).toContain('Pendanaan kegiatan');
  }, 60_000);

  it('uploads a document and finds it with the search test', async () => {
    const file = join(profile, 'se-rapat-daring.md');
    writeFileSync(file, CIRCULAR_MD);
    await page.click('nav a:has-text("Dokumen")');
    await page.setInputFiles('input[name=berkas]', file);
    await page.selectOption('select[name=jenis]', 'panduan');
    await page.click('button:has-text("Unggah dan ingest")');
    expect(await page.locator('p.flash').textContent()).toContain('unggahan/panduan/se-rapat-daring.md: ditambahkan');
    await page.click('a:has-text("Kembali ke daftar dokumen")');
    await page.fill('input[name=uji]', 'ruang rapat daring Kamis pertama');
    await page.click('button:has-text("Cari")');
    expect(await page.locator('ol.hits li').first().textContent()).toContain('Ruang Garuda Biru');
  }, 60_000);

  it('retries a failed reminder, which the next dispatch delivers to the group', async () => {
    await page.click('nav a:has-text("Pengingat")');
    await page.selectOption('select[name=status]', 'failed');
    await page.click('form.filters button[type=submit]');
    const [failed] = await db.query<{ id: number }>(`SELECT id FROM reminder_outbox WHERE status = 'failed'`);
    await page.click(`tr#pengingat-${failed!.id} button:has-text("Kirim ulang")`);
    expect(await page.locator('p.flash').textContent()).toContain('dijadwalkan untuk dikirim ulang');
    const before = tg.texts(group.id).length;
    const dispatcher = createDispatcher({ db, senders: { telegram: tg.telegram.sender }, logger: silent, now: () => NOW });
    expect((await dispatcher.dispatch()).sent).toBe(1);
    expect(tg.texts(group.id).slice(before).join('\n')).toContain('Bimtek I: Analisis Strategis');
    await go('/konsol/pengingat?wilayah=33.14');
    expect(await page.locator(`tr#pengingat-${failed!.id} .badge`).textContent()).toBe('terkirim');
  }, 60_000);

  it('logs out: the session is over, pages lead back to the login form', async () => {
    await page.click('header button:has-text("Keluar")');
    await page.waitForURL(/\/konsol\/masuk\?keluar=1/);
    expect(await page.locator('p.flash').textContent()).toBe('Anda sudah keluar.');
    await go('/konsol/wilayah/33.14');
    expect(new URL(page.url()).pathname).toBe('/konsol/masuk');
    expect(await db.query('SELECT 1 FROM console_sessions')).toEqual([]);
  }, 60_000);
});
