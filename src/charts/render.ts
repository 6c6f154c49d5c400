import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { CHART_FONT } from './specs.ts';

/**
 * Vega-Lite spec → SVG with Vega's headless renderer (no canvas, no browser), and SVG →
 * PNG with resvg. The PNG renderer loads the DejaVu fonts shipped in the `dejavu-fonts-ttf`
 * package and none from the system, so a picture looks the same on every machine.
 */
export async function toSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

let fontDir: string | null = null;
function fonts(): string {
  fontDir ??= join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return fontDir;
}

/** A PNG of an SVG, `scale` times its size (2 for sharp pictures in chat apps). */
export function toPng(svg: string, o: { scale?: number } = {}): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: o.scale ?? 2 },
    background: 'white',
    font: { loadSystemFonts: false, fontDirs: [fonts()], defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
  });
  return resvg.render().asPng();
}
