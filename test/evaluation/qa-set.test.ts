import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PanduError } from '../../src/errors.ts';
import { readQaSet } from '../../src/evaluation/index.ts';
import { tempDir } from '../support/process.ts';

describe('QA set file', () => {
  it('names the file and line of a malformed entry in Indonesian, as a usage mistake', () => {
    const file = join(tempDir('pandu-qa-'), 'set.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'a', question: 'Kapan Bimtek I?', type: 'deadline', gold: [], facts: [], answerable: true })}\n{"id": 7}\n`);
    let error: unknown;
    try {
      readQaSet(file);
    } catch (err) {
      error = err;
    }
    expect(PanduError.isInstance(error, 'USAGE')).toBe(true);
    const detail = (error as PanduError<'USAGE'>).details.detail;
    expect(detail).toContain(`${file}:2`);
    expect(detail).toMatch(/baris set tanya-jawab tidak valid/);
  });
});
