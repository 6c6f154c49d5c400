import { toSql } from 'pgvector';

/**
 * pgvector's text form of a vector ('[0.1,0.2,...]'), written by the pgvector package; the
 * same text is accepted by PGlite's pgvector. A non-finite component (a model server's NaN)
 * becomes 0 rather than failing the whole batch. Nine significant digits give back every
 * single-precision component exactly (the column stores float4) in half the text of a double's.
 */
export function toVectorLiteral(v: ArrayLike<number>): string {
  const literal: string = toSql(Array.from(v, (x) => (Number.isFinite(x) ? Number(x.toPrecision(9)) : 0)));
  return literal;
}

/**
 * A vector[] parameter in PostgreSQL's binary array form, sent as binary by the client
 * (a Buffer parameter): no text to format here nor to parse in the server, which for an
 * ingest of a few thousand chunks was a second of CPU. `elementOid` is the vector type's
 * oid in this database (`'vector'::regtype::oid`); a null entry is a NULL element.
 */
export function vectorArrayParam(vectors: ReadonlyArray<ArrayLike<number> | null>, elementOid: number): Buffer {
  let size = 20;
  for (const v of vectors) size += 4 + (v ? 4 + 4 * v.length : 0);
  const out = Buffer.allocUnsafe(size);
  out.writeInt32BE(1, 0); // dimensions
  out.writeInt32BE(vectors.some((v) => !v) ? 1 : 0, 4);
  out.writeUInt32BE(elementOid, 8);
  out.writeInt32BE(vectors.length, 12);
  out.writeInt32BE(1, 16); // lower bound
  let at = 20;
  for (const v of vectors) {
    if (!v) {
      out.writeInt32BE(-1, at);
      at += 4;
      continue;
    }
    out.writeInt32BE(4 + 4 * v.length, at);
    out.writeInt16BE(v.length, at + 4);
    out.writeInt16BE(0, at + 6);
    at += 8;
    for (let i = 0; i < v.length; i++, at += 4) {
      const x = v[i]!;
      out.writeFloatBE(Number.isFinite(x) ? x : 0, at);
    }
  }
  return out;
}
