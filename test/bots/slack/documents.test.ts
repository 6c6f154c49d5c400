import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/index.ts';
import { createHashingEmbedder } from '../../../src/retrieval/embedder.ts';
import { ensureEmbeddings } from '../../../src/retrieval/index-store.ts';
import { makePdf } from '../../support/corpus.ts';
import { testDb } from '../../support/db.ts';
import { eventEnvelope, OUTSIDER, startHarness, STAFF, type Harness } from './harness.ts';

type Body = { text?: string; blocks?: Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }> };

describe('/pandu dokumen and /pandu hapus', () => {
  let db: Db;
  let h: Harness;
  beforeEach(async () => {
    db = await testDb();
    const embedder = createHashingEmbedder(64);
    await ensureEmbeddings(db, embedder);
    h = await startHarness(db, { embedder, now: () => new Date('2026-06-08T02:00:00Z') });
    const file = h.fake.shareFile({
      name: 'se-tenggat-bimtek.pdf',
      user: STAFF,
      bytes: await makePdf([{ heading: 'Surat Edaran Tenggat Bimtek', paragraphs: ['Tenggat Bimtek IV diundur dua pekan bagi seluruh daerah peserta.'] }]),
    });
    await h.send({ json: eventEnvelope({ type: 'message', subtype: 'file_share', channel_type: 'im', channel: 'D0STAF', user: STAFF, text: '', ts: '1790004000.000100', files: [{ id: file.id }] }) });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === 1, 30_000);
    await h.slack.idle();
  });
  afterEach(async () => {
    await h.close(true);
  });

  const response = async (id: string): Promise<Body> => {
    await h.fake.waitFor(() => h.fake.responses.some((r) => r.id === id));
    return h.fake.responses.find((r) => r.id === id)!.body as Body;
  };
  const press = (button: { action_id: string; value: string }, user = STAFF, responseId = 'tombol') =>
    h.send({
      form: {
        payload: JSON.stringify({
          type: 'block_actions',
          team: { id: 'T0UJI', domain: 'uji' },
          user: { id: user, username: 'staf', team_id: 'T0UJI' },
          api_app_id: 'A0PANDU',
          token: 'usang',
          container: { type: 'message', message_ts: '1790004100.000100', channel_id: 'C0UMUM', is_ephemeral: true },
          trigger_id: '1.2.3',
          channel: { id: 'C0UMUM', name: 'umum' },
          response_url: h.fake.responseUrl(responseId),
          actions: [{ type: 'button', block_id: 'pandu_document', text: { type: 'plain_text', text: 'x' }, action_ts: '1790004101.000000', ...button }],
        }),
      },
    });

  it('lists the shared document with its source, who added it, when and its chunks', async () => {
    await h.command('dokumen', { responseId: 'daftar' });
    const text = (await response('daftar')).text!;
    expect(text).toMatch(/^\*Dokumen terbaru\* \(1 dari 1\):\n• \*.+\* — unggahan · oleh slack:U0STAF · \d+ \w+ 2026 · \d+ potongan$/);
  });

  it('removes a document only after staff confirm, audited; others and a cancel change nothing', async () => {
    const [doc] = await db.query<{ title: string }>('SELECT title FROM documents');
    const refused = await h.command(`hapus ${doc!.title}`, { user: OUTSIDER });
    expect(refused.text).toContain('hanya dapat dipakai oleh staf sekretariat');

    await h.command(`hapus ${doc!.title}`, { responseId: 'tanya' });
    const ask = await response('tanya');
    expect(ask.text).toContain(`Hapus *${doc!.title}*`);
    const [remove, cancel] = ask.blocks!.find((b) => b.type === 'actions')!.elements!;
    await press(cancel!, STAFF, 'batal');
    expect((await response('batal')).text).toBe('Dibatalkan; dokumen tidak dihapus.');
    await press(remove!, OUTSIDER, 'luar');
    await response('luar');
    await h.slack.idle();
    expect(await db.query('SELECT 1 FROM documents')).toHaveLength(1);

    await press(remove!, STAFF, 'hapus');
    expect((await response('hapus')).text).toBe(`🗑️ *${doc!.title}* sudah dihapus dari basis pengetahuan.`);
    await h.slack.idle();
    expect(await db.query('SELECT 1 FROM documents')).toHaveLength(0);
    expect(await db.query('SELECT 1 FROM document_files')).toHaveLength(0);
    expect(await db.query(`SELECT actor, action FROM audit_log WHERE action = 'document.delete'`)).toEqual([{ actor: `slack:${STAFF}`, action: 'document.delete' }]);
  });
});
