import { createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runPandu, runPanduOnce, tempDir, type Running } from '../../support/process.ts';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram.ts';
import { group, privateChat, users } from './harness.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** `pandu start` with a Telegram token: the composition root wires the bot to the real answering core. */
describe('pandu start with TELEGRAM_BOT_TOKEN', () => {
  let tg: FakeTelegram | undefined;
  let app: Running | undefined;
  afterEach(async () => {
    if (app && app.child.exitCode === null) {
      app.child.kill('SIGKILL');
      await app.exited;
    }
    await tg?.close();
  });

  // Webhook mode: it also proves the route on the HTTP server of `pandu start`. (Polling
  // differs only inside the adapter, which the harness suites cover in both modes.)
  it('answers from the corpus over the webhook, binds a group with a CLI invite, then stops cleanly', async () => {
    tg = await startFakeTelegram();
    const dir = tempDir();
    const port = await freePort();
    const env = {
      DATABASE_URL: dir,
      PORT: String(port),
      HOST: '127.0.0.1',
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/webhook`,
      TELEGRAM_WEBHOOK_SECRET: 'rahasia',
    };
    // One guideline is enough for an answer with sources (the whole corpus takes long to ingest).
    expect((await runPanduOnce(['ingest', 'corpus/panduan/06-bimtek-1-analisis-strategis.md'], { DATABASE_URL: dir })).code).toBe(0);
    app = runPandu(['start'], env);
    await tg.waitForCall((c) => c.method === 'setWebhook', 60_000);
    expect(tg.webhook).toEqual({ url: `http://127.0.0.1:${port}/telegram/webhook`, secret: 'rahasia' });

    const sari = privateChat(users.sari);
    tg.text(sari, users.sari, 'Apa saja keluaran Bimtek I?');
    await tg.waitForCall((c) => c.method === 'sendMessage' && c.payload.chat_id === sari.id, 30_000);
    const [answer] = tg.sent(sari.id);
    expect(answer!.text).toContain('Sumber:');
    expect((answer!.markup?.inline_keyboard as Array<Array<{ text: string }>>).flat().map((b) => b.text)).toContain('👍');

    const invite = await runPanduOnce(['regions', 'invite', '33.14', '--json'], { DATABASE_URL: dir });
    expect(invite.code).toBe(0);
    const { code } = JSON.parse(invite.stdout) as { code: string };
    tg.setMember(group.id, users.budi.id, 'administrator');
    tg.text(group, users.budi, `/daftar ${code}`);
    await tg.waitForCall((c) => c.method === 'sendMessage' && c.payload.chat_id === group.id, 30_000);
    expect(tg.sent(group.id)[0]!.text).toContain('Grup ini sekarang terhubung dengan Kabupaten Sragen');

    app.child.kill('SIGTERM');
    expect((await app.exited).code).toBe(0);
  });
});
