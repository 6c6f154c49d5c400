import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/index.ts';
import { search } from '../../src/retrieval/search.ts';
import { backends } from '../support/db.ts';
import { seedCalendar } from '../support/programme.ts';
import { CIRCULAR_MD, guideFolder } from './corpus.ts';
import { consoleSuite, silent } from './harness.ts';
import { CALENDAR_2026 } from './seed.ts';

const text = (html: string) =>
  html.replace(/<[^>]+>/g, ' ').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

function upload(name: string, content: string | Uint8Array, kind = 'panduan', csrf: string): FormData {
  const form = new FormData();
  form.set('csrf', csrf);
  form.set('jenis', kind);
  form.set('berkas', new File([content], name));
  return form;
}

describe.each(backends)('documents in the console on %s', (backend) => {
  const suite = consoleSuite(backend, { maxUploadBytes: 64 * 1024 });

  it('uploads a file through the ingest pipeline: stored with its bytes, listed, searchable, replaced by a new version', async () => {
    const { db, client: c, server: s } = suite;
    const csrf = await c.csrfOf('/konsol/dokumen');
    const res = await c.request('/konsol/dokumen', { body: upload('SE Rapat Daring.md', CIRCULAR_MD, 'panduan', csrf) });
    expect(res.status).toBe(200);
    expect(text(await res.text())).toContain('unggahan/panduan/SE-Rapat-Daring.md: ditambahkan; 1 potongan');
    const [file] = await db.query<{ name: string; size: number; added_by: string; sha256: string }>('SELECT name, size::int, added_by, sha256 FROM document_files');
    expect(file).toMatchObject({ name: 'SE Rapat Daring.md', size: Buffer.byteLength(CIRCULAR_MD), added_by: 'konsol:pengelola' });
    const hits = await search({ db, embedder: s.embedder }, 'ruang rapat daring koordinasi bulanan', { k: 1 });
    expect(hits[0]?.document).toBe('unggahan/panduan/SE-Rapat-Daring.md');
    const list = text(await (await c.request('/konsol/dokumen?uji=Ruang+Garuda+Biru')).text());
    expect(list).toContain('Surat Edaran Sekretariat tentang Ruang Rapat Daring panduan — — 1 unggahan/panduan/SE-Rapat-Daring.md unggahan');
    expect(list).toMatch(/1 KB pengelola \(konsol\), \d+ \w+ \d{4} \d\d\.\d\d WIB/);
    expect(list).toMatch(/Uji pencarian .*Surat Edaran Sekretariat tentang Ruang Rapat Daring/);
    expect(list).toContain('oleh pengelola (konsol): 1 baru, 0 berubah, 0 tidak berubah, 0 gagal; 1 potongan.');
    // The same name again with new text replaces the document in one step.
    await c.request('/konsol/dokumen', { body: upload('SE Rapat Daring.md', CIRCULAR_MD.replace('Garuda Biru', 'Cendrawasih'), 'panduan', csrf) });
    const docs = await db.query<{ path: string }>('SELECT path FROM documents');
    expect(docs).toEqual([{ path: 'unggahan/panduan/SE-Rapat-Daring.md' }]);
    expect((await search({ db, embedder: s.embedder }, 'Cendrawasih', { k: 1 }))[0]?.text).toContain('Cendrawasih');
    const actions = await db.query<{ action: string; target: string }>(`SELECT action, target FROM audit_log WHERE action LIKE 'document.%'`);
    expect(actions).toEqual([
      { action: 'document.upload', target: 'unggahan/panduan/SE-Rapat-Daring.md' },
      { action: 'document.upload', target: 'unggahan/panduan/SE-Rapat-Daring.md' },
    ]);
  });

  it('refuses an unsupported, an empty and an over-limit file with their reasons and stores nothing', async () => {
    const { db, client: c } = suite;
    const csrf = await c.csrfOf('/konsol/dokumen');
    const exe = await c.request('/konsol/dokumen', { body: upload('alat.exe', 'MZ\u0000\u0001', 'lainnya', csrf) });
    expect(exe.status).toBe(422);
    expect(text(await exe.text())).toContain('unggahan/lainnya/alat.exe gagal diingest');
    const empty = await c.request('/konsol/dokumen', { body: upload('kosong.md', '', 'lainnya', csrf) });
    expect(empty.status).toBe(400);
    const big = await c.request('/konsol/dokumen', { body: upload('besar.txt', 'kata '.repeat(40_000), 'lainnya', csrf) });
    expect(big.status).toBe(413);
    expect(text(await big.text())).toContain('Berkas melebihi batas 64 KB');
    expect(await db.query('SELECT 1 FROM documents')).toEqual([]);
    expect(await db.query('SELECT 1 FROM document_files')).toEqual([]);
    const run = text(await (await c.request('/konsol/dokumen')).text());
    expect(run).toMatch(/1 gagal.* unggahan\/lainnya\/alat\.exe jenis file tidak didukung/);
  });

  it('ingests a document again, and deletes one only after confirmation (never a calendar)', async () => {
    const { db, client: c, server: s } = suite;
    const folder = guideFolder();
    await ingestPaths({ db, embedder: s.embedder, logger: silent }, [folder], { actor: 'cli' });
    const [doc] = await db.query<{ id: number; path: string }>('SELECT id, path FROM documents');
    // A document's public address (front matter `url:`) is shown as a link.
    writeFileSync(join(folder, 'se.md'), `---\nurl: https://contoh.go.id/surat-edaran-01\n---\n${CIRCULAR_MD}`);
    await ingestPaths({ db, embedder: s.embedder, logger: silent }, [folder], { actor: 'cli' });
    expect(await (await c.request('/konsol/dokumen')).text()).toContain('<a href="https://contoh.go.id/surat-edaran-01" rel="noopener noreferrer">');
    await db.query(`DELETE FROM documents WHERE path LIKE '%se.md'`);
    rmSync(join(folder, 'se.md'));
    writeFileSync(join(folder, 'bimtek.md'), '# Panduan Bimbingan Teknis\n\n## Bimtek III\nBimtek ketiga menghasilkan Buku 2: Masterplan.\n');
    const csrf = await c.csrfOf('/konsol/dokumen');
    const again = text(await (await c.request(`/konsol/dokumen/${doc!.id}/ulang`, { form: { csrf } })).text());
    expect(again).toContain(`${doc!.path}: diperbarui; 1 potongan`);
    const [newDoc] = await db.query<{ id: number; added_by: string }>('SELECT id, added_by FROM documents');
    expect(newDoc!.added_by).toBe('konsol:pengelola');

    const confirm = text(await (await c.request(`/konsol/dokumen/${newDoc!.id}/hapus`)).text());
    expect(confirm).toContain('Hapus "Panduan Bimbingan Teknis"');
    expect(confirm).toContain('ingest berikutnya atas folder itu akan menambahkannya lagi');
    expect(await db.query('SELECT 1 FROM documents')).toHaveLength(1); // asking is not deleting
    const gone = await c.request(`/konsol/dokumen/${newDoc!.id}/hapus`, { form: { csrf } });
    expect(gone.headers.get('location')).toBe('/konsol/dokumen?ok=dokumen-dihapus');
    expect(await db.query('SELECT 1 FROM documents')).toEqual([]);
    expect(await search({ db, embedder: s.embedder }, 'Buku 2 Masterplan', { k: 3 })).toEqual([]);

    await seedCalendar(db, CALENDAR_2026);
    const [cal] = await db.query<{ id: number }>(
      `INSERT INTO documents (path, title, kind, content_hash) VALUES ('corpus/kalender/uji.yaml', 'Kalender', 'kalender', 'x') RETURNING id`,
    );
    expect((await c.request(`/konsol/dokumen/${cal!.id}/hapus`, { form: { csrf } })).status).toBe(409);
    expect(await db.query('SELECT 1 FROM documents')).toHaveLength(1);
  });
});
