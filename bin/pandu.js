#!/usr/bin/env node
// The `pandu` command: runs the compiled JavaScript in dist/, compiling it first when the
// sources changed (scripts/build.mjs).
import { ensureBuilt } from '../scripts/build.mjs';

ensureBuilt();
await import('../dist/cli/main.js');
