import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/**
 * A .docx "zip bomb": a valid Word package whose word/document.xml inflates to
 * `inflatedMb` megabytes of paragraphs while the file stays around a megabyte.
 * With `forgeSize`, the archive declares a tiny uncompressed size for that entry
 * (a forged header), so only inflating it reveals the truth.
 */
export async function makeDocxBomb(options: { inflatedMb: number; forgeSize?: boolean }): Promise<Buffer> {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
  );
  const para = Buffer.from('<w:p><w:r><w:t>Rapat koordinasi Dewan Smart City membahas rencana aksi tahun pertama.</w:t></w:r></w:p>'.repeat(100));
  const tail = Buffer.from('</w:body></w:document>');
  const repeats = Math.ceil((options.inflatedMb * 1024 * 1024) / para.length);

  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (d: Buffer) => parts.push(d));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = crc32(head);
  let size = head.length;
  deflate.write(head);
  for (let i = 0; i < repeats; i++) {
    crc = crc32(para, crc);
    size += para.length;
    if (!deflate.write(para)) await new Promise((r) => deflate.once('drain', r));
  }
  crc = crc32(tail, crc);
  size += tail.length;
  deflate.end(tail);
  await done;

  const small = (name: string, xml: string) => {
    const data = Buffer.from(xml);
    return { name, crc: crc32(data), size: data.length, compressed: deflateRawSync(data) };
  };
  return zip([
    small(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    small(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    { name: 'word/document.xml', crc, size: options.forgeSize ? 4_096 : size, compressed: Buffer.concat(parts) },
  ]);
}

interface Entry {
  readonly name: string;
  readonly crc: number;
  readonly size: number;
  readonly compressed: Buffer;
}

/** A minimal ZIP archive (deflated entries, no ZIP64) as the format specification lays it out. */
function zip(entries: readonly Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.compressed.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.compressed);
    centrals.push(central, name);
    offset += local.length + name.length + e.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
