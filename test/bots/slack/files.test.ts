import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/index.ts';
import { createHashingEmbedder } from '../../../src/retrieval/embedder.ts';
import { silent } from '../../digest/seed.ts';
import { conversationalCore } from '../../support/conversation.ts';
import { makePdf } from '../../support/corpus.ts';
import { testDb } from '../../support/db.ts';
import type { FakeSlack } from '../../support/fake-slack.ts';
import { eventEnvelope, OUTSIDER, startHarness, STAFF, type Harness } from './harness.ts';

const T0 = new Date('2026-06-08T02:00:00Z');
type Block = { type: string; text?: { text: string }; elements?: Array<{ text?: string }> };

const circular = (deadline: string) =>
  makePdf([
    { heading: 'Surat Edaran Pengumpulan Lembar Komitmen', paragraphs: ['Sekretariat menetapkan ketentuan pengumpulan lembar komitmen quick win bagi daerah peserta.'] },
    { heading: 'Batas Pengumpulan', paragraphs: [`Lembar komitmen quick win dikirim ke sekretariat paling lambat ${deadline} melalui portal Pandu Smart City.`] },
  ]);

describe('documents shared with Pandu in Slack', () => {
  let db: Db;
  let h: Harness;
  let fake: FakeSlack;
  let seq = 0;

  async function start(maxFileBytes?: number) {
    const core = await conversationalCore(db, { logger: silent, now: () => T0 });
    h = await startHarness(db, { core, embedder: createHashingEmbedder(256), maxFileBytes, now: () => T0 });
    fake = h.fake;
  }
  beforeEach(async () => {
    db = await testDb();
  });
  afterEach(async () => {
    await h.close(true);
  });

  /** A DM to Pandu (with files when given); resolves with Pandu's replies in its thread. */
  async function dm(o: { text?: string; files?: string[]; user?: string }): Promise<string[]> {
    const ts = `1790003${String(++seq).padStart(3, '0')}.000100`;
    const event = { type: 'message', channel_type: 'im', channel: 'D0STAF', user: o.user ?? STAFF, text: o.text ?? '', ts, ...(o.files ? { subtype: 'file_share', files: o.files.map((id) => ({ id })) } : {}) };
    const before = fake.callsTo('chat.postMessage').length;
    await h.send({ json: eventEnvelope(event) });
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length >= before + Math.max(1, o.files?.length ?? 1), 60_000);
    await h.slack.idle();
    return fake
      .callsTo('chat.postMessage')
      .slice(before)
      .filter((c) => c.args.thread_ts === ts)
      .map((c) => [c.args.text, ...((c.args.blocks as Block[] | undefined) ?? []).flatMap((b) => [b.text?.text ?? '', ...(b.elements ?? []).map((e) => e.text ?? '')])].join('\n'));
  }
  const docCount = async () => Number((await db.query<{ n: number }>('SELECT count(*) AS n FROM documents'))[0]!.n);

  it('ingests a staff PDF fetched with the bot token, keeps its bytes, and answers from it within a minute', async () => {
    await start();
    const started = Date.now();
    const bytes = await circular('15 Desember 2026');
    const file = fake.shareFile({ name: 'se-lembar-komitmen.pdf', bytes, user: STAFF });
    const [reply] = await dm({ files: [file.id] });
    expect(fake.downloads).toEqual([{ fileId: file.id, token: 'xoxb-uji', status: 200 }]);
    expect(reply).toMatch(/✅ \*.+\* \(se-lembar-komitmen\.pdf\) ditambahkan ke basis pengetahuan: 2 halaman, \d+ potongan, [\d,]+ detik/);
    const [stored] = await db.query<{ sha256: string; size: number; added_by: string }>(`SELECT sha256, size::int AS size, added_by FROM document_files`);
    expect(stored).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, added_by: `slack:${STAFF}` });
    const [audit] = await db.query<{ actor: string; action: string }>(`SELECT actor, action FROM audit_log`);
    expect(audit).toEqual({ actor: `slack:${STAFF}`, action: 'document.upload' });

    const [answer] = await dm({ text: 'kapan batas pengumpulan lembar komitmen quick win?' });
    expect(answer).toContain('15 Desember 2026');
    expect(answer).toContain('Batas Pengumpulan');
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);

  it('declines a non-staff file, a 0-byte file, an encrypted PDF and an over-limit file, each in its own words, changing nothing', async () => {
    await start(200_000);
    const first = fake.shareFile({ name: 'se-lembar-komitmen.pdf', bytes: await circular('15 Desember 2026'), user: STAFF });
    await dm({ files: [first.id] });
    const docs = await docCount();
    const hashes = await db.query('SELECT path, content_hash FROM documents ORDER BY path');

    const outsider = fake.shareFile({ name: 'se-lembar-komitmen.pdf', bytes: await circular('1 Januari 2027'), user: OUTSIDER });
    expect((await dm({ files: [outsider.id], user: OUTSIDER }))[0]).toContain('hanya staf sekretariat program yang dapat menambahkan dokumen');
    const empty = fake.shareFile({ name: 'kosong.pdf', bytes: Buffer.alloc(0), user: STAFF });
    expect((await dm({ files: [empty.id] }))[0]).toContain('*kosong.pdf* kosong (0 byte)');
    const locked = fake.shareFile({ name: 'se-lembar-komitmen.pdf', bytes: await makePdf([{ heading: 'Rahasia', paragraphs: ['Isi rahasia.'] }], { userPassword: 'sandi' }), user: STAFF });
    expect((await dm({ files: [locked.id] }))[0]).toContain('*se-lembar-komitmen.pdf* tidak dapat dimuat: PDF terenkripsi atau berkata sandi');
    const big = fake.shareFile({ name: 'besar.pdf', bytes: Buffer.alloc(10), size: 300_000, user: STAFF });
    expect((await dm({ files: [big.id] }))[0]).toContain('*besar.pdf* berukuran 0,3 MB, melebihi batas 0,2 MB');
    const sheet = fake.shareFile({ name: 'rekap.xlsx', bytes: Buffer.from('PK'), user: STAFF });
    expect((await dm({ files: [sheet.id] }))[0]).toContain('Jenis berkas *rekap.xlsx* tidak didukung');

    // Only the staff's files within the limit were fetched; nothing stored changed.
    expect(fake.downloads.map((d) => d.fileId)).toEqual([first.id, locked.id]);
    expect(await docCount()).toBe(docs);
    expect(await db.query('SELECT path, content_hash FROM documents ORDER BY path')).toEqual(hashes);
  }, 90_000);

  it('replaces a re-shared file of the same name without a moment where the document is missing', async () => {
    await start();
    const first = fake.shareFile({ name: 'se-lembar-komitmen.pdf', bytes: await circular('15 Desember 2026'), user: STAFF });
    await dm({ files: [first.id] });
    const second = fake.shareFile({ name: 'se-lembar-komitmen.pdf', bytes: await circular('20 Desember 2026'), user: STAFF });
    const seen: number[] = [];
    let polling = true;
    const poll = (async () => {
      while (polling) {
        const [row] = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM chunks c JOIN documents d ON d.id = c.document_id WHERE d.path = 'unggahan/panduan/se-lembar-komitmen.pdf'`,
        );
        seen.push(row!.n);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const [reply] = await dm({ files: [second.id] });
    polling = false;
    await poll;
    expect(reply).toContain('menggantikan versi sebelumnya');
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((n) => n > 0)).toBe(true);
    const [answer] = await dm({ text: 'kapan batas pengumpulan lembar komitmen quick win?' });
    expect(answer).toContain('20 Desember 2026');
    expect(answer).not.toContain('15 Desember 2026');
  }, 90_000);
});
