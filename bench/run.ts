/** `npm run bench`: every benchmark in turn; each prints its own JSON line. */
import { spawnSync } from 'node:child_process';

for (const script of ['bench/ingest.ts', 'bench/retrieval.ts', 'bench/reminders.ts', 'bench/telegram-load.ts', 'bench/console.ts', 'bench/startup.ts']) {
  process.stderr.write(`== ${script}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}
