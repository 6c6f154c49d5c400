import { completionChart, overdueChart, type StageCounts } from './specs.ts';
import { toPng, toSvg } from './render.ts';

/** Width and height an SVG declares on its root element. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  return { width: Number(/\bwidth="([\d.]+)"/.exec(root)?.[1] ?? 0), height: Number(/\bheight="([\d.]+)"/.exec(root)?.[1] ?? 0) };
}

/** SVGs one below the other, left-aligned, in one picture on a white background. */
export function stackSvgs(svgs: readonly string[]): string {
  let y = 0;
  let width = 0;
  const parts: string[] = [];
  for (const svg of svgs) {
    const size = svgSize(svg);
    parts.push(svg.replace(/^<svg\b/, `<svg x="0" y="${y}"`));
    y += size.height;
    width = Math.max(width, size.width);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}"><rect width="100%" height="100%" fill="white"/>${parts.join('')}</svg>`;
}

/**
 * The programme at a glance, as the console draws it: completion per stage for each active
 * cohort, and below it the regions overdue per stage (left out when nobody is late). The same
 * chart specs as the console's pictures, so both agree.
 */
export async function programmeSvg(rows: readonly StageCounts[]): Promise<string> {
  const charts = [await toSvg(completionChart(rows))];
  if (rows.some((r) => r.overdue > 0)) charts.push(await toSvg(overdueChart(rows)));
  return stackSvgs(charts);
}

/** `programmeSvg` as a PNG twice its size, for chat apps. */
export async function programmePng(rows: readonly StageCounts[]): Promise<Buffer> {
  return toPng(await programmeSvg(rows));
}
