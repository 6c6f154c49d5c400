/**
 * Helpers shared by the document builders (corpus masterplans, real-shaped evaluation
 * documents): deterministic DOCX output and the character check for the standard PDF fonts.
 */

/** Characters the standard PDF fonts (WinAnsiEncoding) can show. */
export const NOT_WIN_ANSI = /[^\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/u;

/** Sets every zip entry's DOS modification time to `date` (the zip writer stamps the current time). */
export function fixZipTimes(zip: Buffer, date: Date): Buffer {
  const d = date;
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
  const day = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  const [u16, u32] = [(at: number) => zip.readUInt16LE(at), (at: number) => zip.readUInt32LE(at)];
  const stamp = (at: number) => (zip.writeUInt16LE(time, at), zip.writeUInt16LE(day, at + 2));
  let at = 0;
  for (; u32(at) === 0x04034b50; at += 30 + u16(at + 26) + u16(at + 28) + u32(at + 18)) stamp(at + 10); // local file headers
  for (; u32(at) === 0x02014b50; at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32)) stamp(at + 12); // central directory
  return zip;
}

export interface CoreProps {
  readonly title: string;
  readonly subject: string;
  readonly creator: string;
  readonly keywords: string;
  readonly description: string;
  readonly date: Date;
}

/** docProps/core.xml with fixed dates (the docx writer would stamp the current time). */
export function corePropsXml(p: CoreProps): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const iso = p.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const ns = 'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"'
    + ' xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties ${ns}>`
    + `<dc:title>${esc(p.title)}</dc:title><dc:subject>${esc(p.subject)}</dc:subject><dc:creator>${esc(p.creator)}</dc:creator>`
    + `<cp:keywords>${esc(p.keywords)}</cp:keywords><dc:description>${esc(p.description)}</dc:description>`
    + `<cp:lastModifiedBy>${esc(p.creator)}</cp:lastModifiedBy><cp:revision>1</cp:revision>`
    + `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created>`
    + `<dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`;
}
