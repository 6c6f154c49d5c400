import { accessSync, chmodSync, constants, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PanduError } from '../errors.ts';

/** Permission bits that let other local users into the data folder. */
const OPEN_TO_OTHERS = 0o077;

export interface DataDirState {
  /** The folder existed and group or others may enter it (the mode, e.g. "755"); null when private. */
  readonly openMode: string | null;
}

/**
 * Makes sure the embedded database's folder is usable before anything is written: created
 * private (0700) when missing; an existing one must be a writable folder. Anything else
 * (a file, a read-only disk, no permission) is a DATA_DIR_UNUSABLE error naming the reason.
 */
export function prepareDataDir(dir: string): DataDirState {
  let existing: ReturnType<typeof statSync> | undefined;
  try {
    existing = statSync(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'UNKNOWN';
    if (code !== 'ENOENT') throw new PanduError('DATA_DIR_UNUSABLE', { dir, reason: code }, { cause: err });
  }
  if (existing && !existing.isDirectory()) throw new PanduError('DATA_DIR_UNUSABLE', { dir, reason: 'EEXIST' });
  try {
    if (!existing) mkdirSync(dir, { recursive: true, mode: 0o700 });
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'UNKNOWN';
    throw new PanduError('DATA_DIR_UNUSABLE', { dir, reason: code }, { cause: err });
  }
  const mode = Number(existing?.mode ?? 0) & 0o777;
  return { openMode: existing && (mode & OPEN_TO_OTHERS) !== 0 ? mode.toString(8).padStart(3, '0') : null };
}

/**
 * Runs fn with the process umask at 077, so every file and folder it creates is private to
 * Pandu's user (PGlite creates its files with mode 0666 and leaves the rest to the umask).
 */
export async function withPrivateUmask<T>(fn: () => Promise<T>): Promise<T> {
  const previous = process.umask(0o077);
  try {
    return await fn();
  } finally {
    process.umask(previous);
  }
}

/**
 * Sets every folder inside dir to 0700 and every file to 0600. PGlite (Emscripten's file
 * system) gives its files an explicit 0666 whatever the umask, so this runs after its set-up
 * and again after it closes. The data folder itself is the operator's (prepareDataDir creates
 * it 0700; an existing open one is warned about, not changed); symbolic links are left alone.
 */
export function privatizeTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      privatizeTree(path);
      if ((lstatSync(path).mode & OPEN_TO_OTHERS) !== 0) chmodSync(path, 0o700);
    } else if (entry.isFile() && (lstatSync(path).mode & OPEN_TO_OTHERS) !== 0) {
      chmodSync(path, 0o600);
    }
  }
}
