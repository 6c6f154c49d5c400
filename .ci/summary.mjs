// Prints the closing line of a CI run, `tests: N passed, M failed`, from vitest's JSON report,
// else from vitest's "Tests  N passed | M failed" summary in the captured output, else as one failure.
// Usage: node .ci/summary.mjs REPORT.json OUTPUT.log EXIT_CODE
import { existsSync, readFileSync } from 'node:fs';

const [reportPath, logPath, exitArg] = process.argv.slice(2);
const exitCode = Number(exitArg ?? 1);

function fromReport() {
  if (!reportPath || !existsSync(reportPath)) return null;
  try {
    const r = JSON.parse(readFileSync(reportPath, 'utf8'));
    if (typeof r.numPassedTests !== 'number' || typeof r.numFailedTests !== 'number') return null;
    let failed = r.numFailedTests;
    // A test file that fails to load counts no failed test but fails the run: count it.
    if (failed === 0 && (exitCode !== 0 || r.success === false)) failed = Math.max(1, r.numFailedTestSuites ?? 0);
    return { passed: r.numPassedTests, failed };
  } catch {
    return null;
  }
}

function fromLog() {
  if (!logPath || !existsSync(logPath)) return null;
  // eslint-disable-next-line no-control-regex
  const text = readFileSync(logPath, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
  const lines = text.split(/\r?\n/).filter((l) => /^\s*Tests\s+\d+\s+\w+/.test(l));
  const line = lines.at(-1);
  if (!line) return null;
  const passed = Number(/(\d+)\s+passed/.exec(line)?.[1] ?? 0);
  let failed = Number(/(\d+)\s+failed/.exec(line)?.[1] ?? 0);
  if (failed === 0 && exitCode !== 0) failed = 1;
  return { passed, failed };
}

const result = fromReport() ?? fromLog() ?? { passed: 0, failed: 1 };
process.stdout.write(`tests: ${result.passed} passed, ${result.failed} failed\n`);
