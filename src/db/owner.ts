import { closeSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/**
 * One process owns an embedded data folder. The owner writes `pandu-owner.json` into
 * it (pid, admin port, token); other processes read it to reach the owner instead of
 * opening the folder a second time.
 */
export interface OwnerInfo {
  readonly pid: number;
  readonly port: number | null;
  readonly token: string;
  readonly startedAt: string;
}

export type OwnerLock =
  | { readonly held: true; readonly info: OwnerInfo; setPort(port: number): void; release(): void }
  | { readonly held: false; readonly owner: OwnerInfo };

const FILE = 'pandu-owner.json';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function read(path: string): OwnerInfo | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as OwnerInfo;
  } catch {
    return null;
  }
}

export function readOwner(dir: string): OwnerInfo | null {
  const info = read(join(dir, FILE));
  return info && info.pid !== process.pid && alive(info.pid) ? info : null;
}

export function acquireOwner(dir: string): OwnerLock {
  const path = join(dir, FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const other = read(path);
      if (other && other.pid !== process.pid && alive(other.pid)) return { held: false, owner: other };
      try {
        unlinkSync(path); // stale: its process is gone (crash or SIGKILL)
      } catch {
        // another process removed it first
      }
      continue;
    }
    let info: OwnerInfo = {
      pid: process.pid,
      port: null,
      token: randomBytes(24).toString('hex'),
      startedAt: new Date().toISOString(),
    };
    writeSync(fd, JSON.stringify(info));
    closeSync(fd);
    return {
      held: true,
      get info() {
        return info;
      },
      setPort(port: number) {
        info = { ...info, port };
        writeFileSync(path, JSON.stringify(info), { mode: 0o600 });
      },
      release() {
        if (read(path)?.pid === process.pid) unlinkSync(path);
      },
    };
  }
  throw new Error(`cannot take ownership of ${dir}`);
}
