import type { TopLevelSpec } from 'vega-lite';
import { chartMessages as m } from '../messages/index.ts';

/** One stage of one cohort, as both charts read it. */
export interface StageCounts {
  readonly cohort: number;
  readonly stageName: string;
  readonly ordinal: number;
  readonly regions: number;
  readonly completed: number;
  readonly overdue: number;
}

/** The font of every chart; the PNG renderer loads the same family, so both pictures agree. */
export const CHART_FONT = 'DejaVu Sans';
const WIDTH = 560;
const BAR = 14;

const base = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  background: 'white',
  padding: 12,
  config: {
    font: CHART_FONT,
    view: { stroke: null },
    axis: { labelFontSize: 11, titleFontSize: 11, labelLimit: 320 },
    legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom' },
    title: { fontSize: 14, anchor: 'start' },
  },
} as const;

/** Stages in programme order (the y axis), each once. */
function stageOrder(rows: readonly StageCounts[]): string[] {
  return [...new Map([...rows].sort((a, b) => a.ordinal - b.ordinal).map((r) => [r.stageName, r.ordinal])).keys()];
}

function cohortScale(rows: readonly StageCounts[]) {
  const years = [...new Set(rows.map((r) => r.cohort))].sort((a, b) => b - a);
  return { domain: years.map(m.cohortLabel), scheme: 'tableau10' };
}

/** Share of each active cohort's regions that completed each stage (grouped horizontal bars). */
export function completionChart(rows: readonly StageCounts[]): TopLevelSpec {
  const values = rows.map((r) => ({
    stage: r.stageName,
    cohort: m.cohortLabel(r.cohort),
    pct: r.regions > 0 ? Math.round((1000 * r.completed) / r.regions) / 10 : 0,
    label: `${r.completed}/${r.regions}`,
  }));
  const order = stageOrder(rows);
  const y = { field: 'stage', type: 'nominal', sort: order, title: null, scale: { paddingInner: 0.3, paddingOuter: 0.15 } } as const;
  const cohorts = new Set(rows.map((r) => r.cohort)).size;
  return {
    ...base,
    title: m.completionTitle,
    width: WIDTH,
    height: Math.max(1, order.length) * (BAR * Math.max(1, cohorts) + 12),
    data: { values },
    encoding: { y, yOffset: { field: 'cohort', sort: cohortScale(rows).domain, scale: { paddingInner: 0.1 } } },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'pct', type: 'quantitative', title: m.completionAxis, scale: { domain: [0, 100] } },
          color: { field: 'cohort', type: 'nominal', title: m.cohort, scale: cohortScale(rows) },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: '#333' },
        encoding: { x: { field: 'pct', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  } as TopLevelSpec;
}

/** Regions overdue per stage, stacked by cohort; stages nobody is late for are left out. */
export function overdueChart(rows: readonly StageCounts[]): TopLevelSpec {
  const late = rows.filter((r) => r.overdue > 0);
  const values = late.map((r) => ({ stage: r.stageName, cohort: m.cohortLabel(r.cohort), overdue: r.overdue }));
  return {
    ...base,
    title: m.overdueTitle,
    width: WIDTH,
    height: { step: 22 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: 16 },
        encoding: {
          y: { field: 'stage', type: 'nominal', sort: stageOrder(late), title: null },
          x: { aggregate: 'sum', field: 'overdue', type: 'quantitative', title: m.overdueAxis, axis: { tickMinStep: 1, format: 'd' } },
          color: { field: 'cohort', type: 'nominal', title: m.cohort, scale: cohortScale(rows) },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: '#333' },
        encoding: {
          y: { field: 'stage', type: 'nominal', sort: stageOrder(late) },
          x: { aggregate: 'sum', field: 'overdue', type: 'quantitative' },
          text: { aggregate: 'sum', field: 'overdue', type: 'quantitative' },
        },
      },
    ],
  } as TopLevelSpec;
}
