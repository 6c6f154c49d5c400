/**
 * Starts the web console on a seeded in-memory database for a look in a browser:
 * `node --import tsx scripts/console-demo.ts [PORT]`, then open /konsol and log in as
 * `sekretariat` with the password printed. The data is the console tests' seed at their fixed clock.
 */
import { openDatabase, migrate } from '../src/db/index.ts';
import { seedRegions } from '../src/regions/index.ts';
import { addAccount, PASSWORD, startConsoleServer } from '../test/console/harness.ts';
import { addQuestion, seedConsoleProgramme } from '../test/console/seed.ts';

const db = await openDatabase('memory://');
await migrate(db);
await seedRegions(db);
await seedConsoleProgramme(db);
for (const [i, q] of ['Kapan tenggat Bimtek II untuk Kabupaten Sragen?', 'Apa saja keluaran Bimtek I?', 'Berapa anggaran dari kementerian per kabupaten?'].entries()) {
  await addQuestion(db, { question: q, userId: String(501 + i), chatId: String(501 + i), region: '33.14', refused: i === 2, at: `2026-03-2${i}T03:00:00Z` });
}
await addAccount(db, 'sekretariat', 'kelola');
const s = await startConsoleServer(db);
process.stdout.write(`${s.url}/konsol  (sekretariat / ${PASSWORD})\n`);
