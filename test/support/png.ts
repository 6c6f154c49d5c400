import { Resvg } from '@resvg/resvg-js';

/** PNG → RGBA through resvg itself: an <image> of the PNG rendered at its own size. */
export function decodePng(png: Buffer): { width: number; height: number; pixels: Buffer } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  const rendered = new Resvg(svg).render();
  return { width: rendered.width, height: rendered.height, pixels: Buffer.from(rendered.pixels) };
}

/** Shares of pixels that are not (near) white, that are dark (text), and that are saturated (bars). */
export function ink(png: Buffer): { inked: number; dark: number; coloured: number } {
  const { width, height, pixels } = decodePng(png);
  const n = width * height;
  let inked = 0;
  let dark = 0;
  let coloured = 0;
  for (let i = 0; i < n; i++) {
    const [r, g, b] = [pixels[i * 4]!, pixels[i * 4 + 1]!, pixels[i * 4 + 2]!];
    if (r < 235 || g < 235 || b < 235) inked++;
    if (r < 90 && g < 90 && b < 90) dark++;
    if (Math.max(r, g, b) - Math.min(r, g, b) > 80) coloured++;
  }
  return { inked: inked / n, dark: dark / n, coloured: coloured / n };
}
