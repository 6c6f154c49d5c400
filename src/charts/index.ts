/** The programme's charts: pure Vega-Lite builders, an SVG renderer, and PNG for chat apps. */
export { completionChart, overdueChart, CHART_FONT, type StageCounts } from './specs.ts';
export { toSvg, toPng } from './render.ts';
export { programmeSvg, programmePng, stackSvgs, svgSize } from './programme.ts';
