import { describe, expect, it } from 'vitest';
import { translateCommanderError } from '../../src/cli/indonesian.ts';
import { runCli } from '../support/cli.ts';
import { testDb } from '../support/db.ts';

/** Issue 16 item 7: operators read Indonesian everywhere, commander's own messages included. */
describe('the command line speaks Indonesian', () => {
  it('explains usage mistakes in one Indonesian line with exit code 2', async () => {
    const db = await testDb();
    const cases: Array<[string[], string]> = [
      [['ask'], "Perintah tidak valid: argumen wajib 'pertanyaan' belum diisi. Lihat: pandu ask --help"],
      [['ask', 'satu', 'dua'], "Perintah tidak valid: terlalu banyak argumen untuk 'ask': diharapkan 1, diterima 2. Lihat: pandu ask --help"],
      [['regions', 'list', '--wilayah', 'Bali'], "Perintah tidak valid: opsi '--wilayah' tidak dikenal. Lihat: pandu regions list --help"],
      [['search', 'bimtek', '--k'], "Perintah tidak valid: opsi '--k <n>' memerlukan nilai. Lihat: pandu search --help"],
    ];
    for (const [argv, line] of cases) {
      const r = await runCli(db, argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr.trim()).toBe(line);
    }
    const near = await runCli(db, ['regions', 'list', '--provinsi', 'Bali']);
    expect(near.stderr).toContain("opsi '--provinsi' tidak dikenal. Lihat: pandu regions list --help\n(Maksud Anda --province?)");
    const typo = await runCli(db, ['ingset']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("Perintah tidak valid: perintah 'ingset' tidak dikenal. Lihat: pandu --help\n(Maksud Anda ingest?)");
  });

  it('shows help with Indonesian headings and no English left in commander’s parts', async () => {
    const db = await testDb();
    const r = await runCli(db, ['ingest', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Penggunaan: pandu ingest \[opsi\] \[path\.\.\.\]/);
    expect(r.stdout).toContain('\nArgumen:\n');
    expect(r.stdout).toContain('\nOpsi:\n');
    expect(r.stdout).toContain('-h, --help');
    expect(r.stdout).toContain('tampilkan bantuan perintah');
    expect(r.stdout).toContain('(bawaan: ["corpus"])');
    expect(r.stdout).not.toMatch(/Usage|Options|Arguments|default:|display help|\[options\]/);
    const top = await runCli(db, ['--help']);
    expect(top.stdout).toContain('\nPerintah:\n');
    expect(top.stdout).not.toMatch(/Commands:|\[options\]/);
  });

  it('translates a value refused by a command-argument parser and keeps the parser’s reason', () => {
    expect(translateCommanderError("error: option '--k <n>' argument 'abc' is invalid. harus angka", 'commander.invalidArgument', 'pandu search')).toBe(
      "Perintah tidak valid: nilai 'abc' untuk opsi '--k <n>' tidak valid (harus angka). Lihat: pandu search --help",
    );
  });
});
