import { closeSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PanduError } from '../errors.ts';

/**
 * One process owns an embedded data folder. The owner writes `pandu-owner.json` into
 * it (pid, process start time, admin port and address, token); other processes read it to
 * reach the owner instead of opening the folder a second time.
 */
export interface OwnerInfo {
  readonly pid: number;
  readonly port: number | null;
  /** The HTTP address shown at start (e.g. http://127.0.0.1:3000); null while starting. */
  readonly url?: string | null;
  readonly token: string;
  readonly startedAt: string;
  /** The owner process's start time in clock ticks since boot (Linux /proc), to detect a reused PID. */
  readonly procStart?: string | null;
}

export type OwnerLock =
  | {
      readonly held: true;
      readonly info: OwnerInfo;
      /** PID of a stale owner file's process that is not Pandu (its PID was reused), taken over. */
      readonly tookOverFrom: number | null;
      setAddress(port: number, url: string): void;
      release(): void;
    }
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

/** Field 22 of /proc/PID/stat (start time after boot), or null where /proc is not available. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/**
 * What the process named by an owner file is: gone; another program that got the same PID
 * after the owner died (its start time differs from the recorded one); or the owner.
 */
export function ownerState(info: OwnerInfo): 'owner' | 'gone' | 'other' {
  if (info.pid === process.pid || !alive(info.pid)) return 'gone';
  if (info.procStart) {
    const now = processStartTime(info.pid);
    if (now !== null && now !== info.procStart) return 'other';
  }
  return 'owner';
}

function read(path: string): OwnerInfo | null {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as OwnerInfo;
    return typeof value?.pid === 'number' && typeof value.token === 'string' ? value : null;
  } catch {
    return null;
  }
}

/**
 * The process that owns the folder right now, from its owner file, or null (no file, or
 * its process is gone). Reads only: a command that finds an owner forwards to it without
 * loading the database driver; one that finds none goes on to acquireOwner.
 */
export function runningOwner(dir: string): OwnerInfo | null {
  const info = read(join(dir, FILE));
  return info && ownerState(info) === 'owner' ? info : null;
}

export function acquireOwner(dir: string): OwnerLock {
  const path = join(dir, FILE);
  let tookOverFrom: number | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const other = read(path);
      const state = other ? ownerState(other) : 'gone';
      if (other && state === 'owner') return { held: false, owner: other };
      if (other && state === 'other') tookOverFrom = other.pid;
      try {
        unlinkSync(path); // stale: its process is gone (crash, SIGKILL) or is not Pandu any more
      } catch {
        // another process removed it first
      }
      continue;
    }
    let info: OwnerInfo = {
      pid: process.pid,
      port: null,
      url: null,
      token: randomBytes(24).toString('hex'),
      startedAt: new Date().toISOString(),
      procStart: processStartTime(process.pid),
    };
    writeSync(fd, JSON.stringify(info));
    closeSync(fd);
    return {
      held: true,
      tookOverFrom,
      get info() {
        return info;
      },
      setAddress(port: number, url: string) {
        info = { ...info, port, url };
        writeFileSync(path, JSON.stringify(info), { mode: 0o600 });
      },
      release() {
        if (read(path)?.pid === process.pid) unlinkSync(path);
      },
    };
  }
  // Three times another process created the file between our removing a stale one and creating ours.
  throw new PanduError('DATA_DIR_UNUSABLE', { dir, reason: 'OWNER_CONTENDED' });
}
