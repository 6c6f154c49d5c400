#!/usr/bin/env node
// Writes the template a new embedded database is created from: an empty PGlite data
// directory (initdb done, pgvector created) as a gzipped tarball. Creating a database from
// it skips initdb, which takes seconds and peaks near a gigabyte of memory. Made once per
// PGlite version and kept in node_modules/.cache; `scripts/build.mjs` copies it into dist/.
//   node scripts/pglite-template.mjs <target.tar.gz>
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { Buffer } from 'node:buffer';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function pgliteVersion() {
  const require = createRequire(import.meta.url);
  const pkg = (name) => JSON.parse(readFileSync(join(dirname(require.resolve(name)), '..', 'package.json'), 'utf8')).version;
  return `${pkg('@electric-sql/pglite')}-${pkg('@electric-sql/pglite-pgvector')}`;
}

export async function makeTemplate(target) {
  const cached = join(ROOT, 'node_modules', '.cache', 'pandu', `pglite-template-${pgliteVersion()}.tar.gz`);
  if (!existsSync(cached)) {
    const { PGlite } = await import('@electric-sql/pglite');
    const { vector } = await import('@electric-sql/pglite-pgvector');
    const dir = mkdtempSync(join(tmpdir(), 'pandu-template-'));
    try {
      const db = new PGlite(join(dir, 'db'), { extensions: { vector } });
      await db.waitReady;
      await db.exec('CREATE EXTENSION IF NOT EXISTS vector');
      const blob = await db.dumpDataDir('gzip');
      await db.close();
      mkdirSync(dirname(cached), { recursive: true });
      writeFileSync(`${cached}.partial`, Buffer.from(await blob.arrayBuffer()));
      renameSync(`${cached}.partial`, cached);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(cached, target);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await makeTemplate(process.argv[2]);
