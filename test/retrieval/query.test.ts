import { describe, expect, it } from 'vitest';
import { analyzeQuery, CONTEXT_WEIGHT, contextTerms, queryConcepts } from '../../src/retrieval/query.ts';
import { terms } from '../../src/language/index.ts';
import { regionOfShortening } from '../../src/regions/names.ts';

const weightOf = (question: string, word: string) => analyzeQuery(question).find((t) => t.term === terms(word)[0])?.weight;

describe('question and its context', () => {
  it('weighs what an officer adds after the question less than the question itself', () => {
    const q = 'visi smart city kita apa sih bunyinya? mau dipasang di spanduk';
    expect([...contextTerms(q)].sort()).toEqual(terms('mau dipasang di spanduk').sort());
    expect(weightOf(q, 'spanduk')).toBe(CONTEXT_WEIGHT);
    expect(weightOf(q, 'visi')).toBe(1);
    expect(CONTEXT_WEIGHT).toBeLessThan(1);
    // The composer's concepts carry the same mark.
    expect(queryConcepts(q).filter((c) => c.context).map((c) => c.forms[0]![0]).sort()).toEqual(terms('mau dipasang di spanduk').sort());
  });

  it('keeps full weight for a word the question itself uses, and for a second question', () => {
    expect(weightOf('peserta bimtek boleh ganti orang? soalnya ada peserta yang dinas luar', 'peserta')).toBe(2);
    expect(contextTerms('kapan batas bimtek 2? terus kapan batas bimtek 3')).toEqual(new Set());
    expect(contextTerms('kapan batas bimtek 2')).toEqual(new Set());
    // A short question leans on the sentence after it.
    expect(contextTerms('kalau kota sorong? katanya mundur')).toEqual(new Set());
  });
});

describe('glossary lookup', () => {
  it('expands only the glossary\'s own abbreviations', () => {
    expect(analyzeQuery('constructor')).toEqual([{ term: 'constructor', weight: 1 }]);
    expect(analyzeQuery('qw').map((t) => t.term)).toEqual(expect.arrayContaining(terms('quick win')));
  });

  it('reads an abbreviation with two readings either way: NK finds a nota kesepakatan and a nota kesepahaman', () => {
    const [nk] = queryConcepts('NK');
    expect(nk!.forms).toEqual(expect.arrayContaining([terms('nota kesepakatan'), terms('nota kesepahaman')]));
    expect(analyzeQuery('NK').map((t) => t.term)).toEqual(expect.arrayContaining([...terms('nota kesepakatan'), ...terms('nota kesepahaman')]));
    // Officers write MoU for the nota kesepakatan the ministry has signed since 2021 as well.
    expect(queryConcepts('MoU')[0]!.forms).toEqual(expect.arrayContaining([terms('nota kesepakatan'), terms('nota kesepahaman')]));
    // 'pas' in a chat question means 'saat': a word for when, not a topic to match.
    expect(analyzeQuery('siapa yg sambutan pas NK').map((t) => t.term)).not.toContain('pas');
  });

  it("reads offices and ranks as letters shorten them: 'ditjen' finds a Direktorat Jenderal, 'sekda' a Sekretaris Daerah", () => {
    expect(analyzeQuery('mou sama ditjen aptika tgl brp').map((t) => t.term)).toEqual(expect.arrayContaining(terms('direktorat jenderal aplikasi informatika')));
    expect(queryConcepts('sekda kah?').find((c) => c.forms[0]![0] === 'sekda')!.forms).toContainEqual(terms('sekretaris daerah'));
  });

  it("reads chat's bounds as rules word them: 'rakor minimal brp kali setaun' finds 'rapat koordinasi paling sedikit … dalam setahun'", () => {
    const concepts = queryConcepts('rakor minimal brp kali setaun');
    const formsOf = (word: string) => concepts.find((c) => c.forms[0]![0] === terms(word)[0])!.forms;
    expect(formsOf('rakor')).toContainEqual(terms('rapat koordinasi'));
    expect(formsOf('minimal')).toContainEqual(terms('paling sedikit'));
    expect(formsOf('setaun')).toContainEqual(terms('setahun'));
  });

  it('strips the clitic -nya from a word the stemmer does not know, and reads province abbreviations', () => {
    expect(terms('asesornya brp org')).toEqual(terms('asesor berapa orang'));
    expect(queryConcepts('daerah jatim').find((c) => c.forms[0]![0] === 'jatim')!.forms).toContainEqual(terms('jawa timur'));
  });

  it('reads a month as chats shorten it, and a word written joined, as the documents write them', () => {
    const concepts = queryConcepts('rapat tgl 12 sept di ibukota');
    const formsOf = (word: string) => concepts.find((c) => c.forms[0]![0] === terms(word)[0])!.forms;
    expect(formsOf('sept')).toContainEqual(terms('september'));
    expect(formsOf('ibukota')).toContainEqual(terms('ibu kota'));
    expect(analyzeQuery('batas 5 agt').map((t) => t.term)).toContain(terms('agustus')[0]);
  });

  it("reads a region's usual shortening as its name, and leaves words that only look like one", () => {
    const concepts = queryConcepts('anggaran quick win humbahas sama tanbu brp');
    const formsOf = (word: string) => concepts.find((c) => c.forms[0]![0] === terms(word)[0])!.forms;
    expect(formsOf('humbahas')).toContainEqual(terms('humbang hasundutan'));
    expect(formsOf('tanbu')).toContainEqual(terms('tanah bumbu'));
    expect(analyzeQuery('quick win kukar').map((t) => t.term)).toEqual(expect.arrayContaining(terms('kutai kartanegara')));
    // A province's own name, an ordinary word, and a legal instrument's shortening are no region's.
    for (const q of ['pemprov banten', 'anggaran', 'kepmen nomor 5']) {
      expect(queryConcepts(q).every((c) => c.forms.length === 1), q).toBe(true);
    }
  });

  it("reads a one-word region name clipped after its kind ('kota tasik') as the name", () => {
    const concepts = queryConcepts('undangan bimtek kab tasik yg ttd sapa');
    expect(concepts.find((c) => c.forms[0]![0] === terms('tasik')[0])!.forms).toContainEqual(terms('tasikmalaya'));
    // Without its kind, 'tasik' is the word for a lake.
    expect(queryConcepts('tasik di kawasan itu').every((c) => c.forms.length === 1)).toBe(true);
  });

  it("reads a region written as its initials ('ppu', 'tts') as its name, unless several regions share them ('kbb')", () => {
    expect(analyzeQuery('bimtek ppu ditutup kpn').map((t) => t.term)).toEqual(expect.arrayContaining(terms('penajam paser utara')));
    expect(analyzeQuery('dewan smart city tts').map((t) => t.term)).toEqual(expect.arrayContaining(terms('timor tengah selatan')));
    // Bandung Barat, Bangka Barat, Batu Bara, Bone Bolango and Bau Bau all shorten to KBB; common acronyms are no region.
    for (const w of ['kbb', 'opd', 'apbd', 'asn', 'bkd', 'sdm']) expect(regionOfShortening(w), w).toBeNull();
  });
});
