#!/usr/bin/env node
// Compiles src/ to dist/ (tsc, .ts imports rewritten to .js) and copies the files the
// code reads at run time (SQL migrations, the stemmer's dictionary). Plain JavaScript, so
// it runs before anything is compiled.
//   node scripts/build.mjs             build now
//   node scripts/build.mjs --if-needed build only when src/ changed since the last build
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
const STAMP = '.build-stamp.json';

function files(path) {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** What the build was made from: every input file with its size and modification time. */
function fingerprint() {
  return INPUTS.flatMap(files)
    .sort()
    .map((f) => {
      const st = statSync(join(ROOT, f));
      return `${f}:${st.size}:${Math.trunc(st.mtimeMs)}`;
    })
    .join('\n');
}

export function isBuildCurrent(outDir = join(ROOT, 'dist')) {
  // A deployed build (the Docker image) ships dist/ without the sources: it is what runs.
  if (!existsSync(join(ROOT, 'src'))) return existsSync(join(outDir, 'cli', 'main.js'));
  try {
    return JSON.parse(readFileSync(join(outDir, STAMP), 'utf8')).fingerprint === fingerprint();
  } catch {
    return false;
  }
}

export function build(outDir = join(ROOT, 'dist')) {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    process.stderr.write(
      'Kode Pandu belum dikompilasi dan TypeScript tidak terpasang. Jalankan `npm install` (tanpa --omit=dev), lalu `npm run build`.\n',
    );
    process.exit(2);
  }
  const stamp = fingerprint();
  const partial = `${outDir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', partial], { stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('Kompilasi TypeScript gagal (lihat pesan di atas).\n');
    process.exit(r.status ?? 1);
  }
  for (const f of files('src').filter((f) => !/\.tsx?$/.test(f))) cpSync(join(ROOT, f), join(partial, relative('src', f)));
  // The template new embedded databases are created from (see scripts/pglite-template.mjs).
  const template = spawnSync(process.execPath, [join(ROOT, 'scripts', 'pglite-template.mjs'), join(partial, 'db', 'pglite-template.tar.gz')], { stdio: 'inherit' });
  if (template.status !== 0) process.stderr.write('Templat basis data tertanam tidak dibuat: basis data baru dibuat dengan initdb (lebih lambat).\n');
  writeFileSync(join(partial, STAMP), JSON.stringify({ fingerprint: stamp, builtAt: new Date().toISOString() }));
  rmSync(outDir, { recursive: true, force: true });
  renameSync(partial, outDir);
}

/** Builds dist/ unless it was built from the current sources. */
export function ensureBuilt(outDir = join(ROOT, 'dist')) {
  if (isBuildCurrent(outDir)) return;
  process.stderr.write(existsSync(outDir) ? 'Sumber berubah: mengompilasi ulang Pandu…\n' : 'Mengompilasi Pandu (sekali saja)…\n');
  build(outDir);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out-dir');
  const outDir = outIndex >= 0 ? resolve(args[outIndex + 1]) : join(ROOT, 'dist');
  if (args.includes('--if-needed')) ensureBuilt(outDir);
  else build(outDir);
}
