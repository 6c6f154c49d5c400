import yauzl from 'yauzl';
import { PanduError } from '../errors.ts';
import { loadRefused } from './errors.ts';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './limits.ts';

const mb = (n: number) => `${(n / 1048576).toFixed(n < 1048576 ? 2 : 0)} MB`;

/** Entries a document parser reads as text (XML parts); media are never inflated by the loaders. */
const PARSED = /\.(xml|rels)$/i;

function openZip(data: Uint8Array): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) =>
      err || !zip ? reject(loadRefused('docx_corrupt', err?.message)) : resolve(zip),
    ),
  );
}

/** Inflates one entry without keeping it, failing as soon as it passes its declared size (yauzl checks that). */
function drain(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<void> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'));
      stream.on('data', () => undefined);
      stream.on('end', resolve);
      stream.on('error', reject);
    }),
  );
}

/**
 * Checks a zip archive before parsing: the declared uncompressed size of every entry and
 * their total against the limits, then inflates the XML parts to confirm that none holds
 * more than it declares (a forged size is caught as the data passes it). A zip bomb is
 * refused with the entry's name and size; nothing is kept in memory.
 */
export async function checkZip(data: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<void> {
  const zip = await openZip(data);
  if (zip.entryCount > limits.maxEntries) throw loadRefused('archive_too_large', `${zip.entryCount} entri > batas ${limits.maxEntries}`);
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('error', (err: Error) => reject(PanduError.isInstance(err, 'LOAD_REFUSED') ? err : loadRefused('docx_corrupt', err.message)));
    zip.on('end', resolve);
    zip.on('entry', (entry: yauzl.Entry) => {
      total += entry.uncompressedSize;
      if (entry.uncompressedSize > limits.maxEntryBytes) {
        return reject(loadRefused('archive_too_large', `${entry.fileName}: ${mb(entry.uncompressedSize)} > batas ${mb(limits.maxEntryBytes)}`));
      }
      if (total > limits.maxTotalBytes) return reject(loadRefused('archive_too_large', `total ${mb(total)} > batas ${mb(limits.maxTotalBytes)}`));
      if (!PARSED.test(entry.fileName)) return zip.readEntry();
      drain(zip, entry).then(
        () => zip.readEntry(),
        (err: Error) => reject(loadRefused(/too many bytes/i.test(err.message) ? 'archive_too_large' : 'docx_corrupt', `${entry.fileName}: ${err.message}`)),
      );
    });
    zip.readEntry();
  });
}
