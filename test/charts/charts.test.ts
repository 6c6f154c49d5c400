import { describe, expect, it } from 'vitest';
import { completionChart, overdueChart, toPng, toSvg, type StageCounts } from '../../src/charts/index.ts';
import { ink } from '../support/png.ts';

const ROWS: StageCounts[] = [
  { cohort: 2026, stageName: 'Bimtek I: Analisis Strategis', ordinal: 1, regions: 50, completed: 20, overdue: 12 },
  { cohort: 2026, stageName: 'Bimtek II: Pemetaan Program', ordinal: 2, regions: 50, completed: 0, overdue: 0 },
  { cohort: 2025, stageName: 'Bimtek I: Analisis Strategis', ordinal: 1, regions: 48, completed: 48, overdue: 0 },
  { cohort: 2025, stageName: 'Bimtek II: Pemetaan Program', ordinal: 2, regions: 48, completed: 30, overdue: 7 },
];

describe('programme charts', () => {
  it('draws completion per stage for each cohort as SVG with the stage names, shares and a legend', async () => {
    const svg = await toSvg(completionChart(ROWS));
    expect(svg).toMatch(/^<svg [^>]*width="\d+" height="\d+"/);
    for (const w of ['Penyelesaian tahap per angkatan', 'Bimtek I: Analisis Strategis', 'Bimtek II: Pemetaan Program', 'Angkatan 2025', 'Angkatan 2026', '20/50', '48/48', '30/48']) {
      expect(svg).toContain(w);
    }
    // One bar per cohort and stage.
    expect((svg.match(/aria-roledescription="bar"/g) ?? []).length).toBe(4);
  });

  it('draws overdue regions per stage, leaving out stages nobody is late for', async () => {
    const svg = await toSvg(overdueChart(ROWS));
    expect(svg).toContain('Wilayah terlambat per tahap');
    expect((svg.match(/aria-roledescription="bar"/g) ?? []).length).toBe(2);
    expect(svg).toContain('Bimtek II: Pemetaan Program');
    expect(svg).toMatch(/>12</);
    expect(svg).toMatch(/>7</);
  });

  it('renders the SVG to a PNG twice its size that is not blank: coloured bars and dark text', async () => {
    const svg = await toSvg(completionChart(ROWS));
    const [w, h] = [Number(/width="(\d+)"/.exec(svg)![1]), Number(/height="(\d+)"/.exec(svg)![1])];
    const png = toPng(svg);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([w * 2, h * 2]);
    const { inked, dark, coloured } = ink(png);
    expect(inked).toBeGreaterThan(0.05);
    expect(inked).toBeLessThan(0.6);
    expect(dark).toBeGreaterThan(0.005); // the text is drawn: the PNG renderer found its font
    expect(coloured).toBeGreaterThan(0.03);
  });

  it('gives each cohort the same colour in both charts, also when only one cohort is late', () => {
    const oneLate = ROWS.map((r) => (r.cohort === 2025 ? { ...r, overdue: 0 } : r));
    const scale = (spec: unknown) => JSON.stringify(spec).match(/"scale":\{"domain":\[[^\]]*\],"scheme":"[^"]+"\}/)?.[0];
    expect(scale(overdueChart(oneLate))).toBe('"scale":{"domain":["Angkatan 2026","Angkatan 2025"],"scheme":"tableau10"}');
    expect(scale(overdueChart(oneLate))).toBe(scale(completionChart(oneLate)));
  });

  it('still renders with no active cohort (an empty chart, not an error)', async () => {
    const svg = await toSvg(completionChart([]));
    expect(svg).toContain('Penyelesaian tahap per angkatan');
    expect(toPng(svg).length).toBeGreaterThan(1000);
  });
});
