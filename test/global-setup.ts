import { rmSync } from 'node:fs';
import { testRunTempRoot } from './support/process.ts';

/** Runs in vitest's main process: after every test file, removes the folders the tests made (tempDir). */
export default function setup(): () => void {
  return () => rmSync(testRunTempRoot(process.pid), { recursive: true, force: true });
}
