/**
 * Rows in PostgreSQL's binary COPY format (`COPY t (…) FROM STDIN WITH (FORMAT binary)`),
 * the same bytes for PostgreSQL and PGlite: no text to format here nor to parse in the
 * server. A bulk write of a few thousand chunks with their vectors was seconds of float
 * parsing and JSON in PGlite's single thread, a tenth of that as binary rows.
 *
 * Each value is written in its type's binary ("send") form: int4 and float4 big-endian,
 * text as UTF-8, bytea as is, int4[] as a one-dimensional array, and pgvector's `vector` as
 * int16 dimension, int16 0, then the floats. Columns are written in the order the COPY
 * statement names them; `row(n)` starts a row of n columns.
 */
import type { Queryable } from './types.ts';

const SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00];
const INT4_OID = 23;
const encoder = new TextEncoder();

export class CopyRows {
  private buf: Uint8Array;
  private view: DataView;
  private at = 0;

  constructor(sizeHint = 1 << 16) {
    this.buf = new Uint8Array(Math.max(64, sizeHint));
    this.view = new DataView(this.buf.buffer);
    this.bytes(Uint8Array.from(SIGNATURE));
    this.int32(0); // flags: no OIDs
    this.int32(0); // no header extension
  }

  /** Makes room for n more bytes. */
  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.at + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.at));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  private int16(v: number): void {
    this.room(2);
    this.view.setInt16(this.at, v);
    this.at += 2;
  }

  private int32(v: number): void {
    this.room(4);
    this.view.setInt32(this.at, v);
    this.at += 4;
  }

  private bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.at);
    this.at += b.length;
  }

  row(columns: number): this {
    this.int16(columns);
    return this;
  }

  null(): this {
    this.int32(-1);
    return this;
  }

  int(v: number | null): this {
    if (v === null) return this.null();
    this.int32(4);
    this.int32(v);
    return this;
  }

  text(v: string | null): this {
    if (v === null) return this.null();
    // At most 3 UTF-8 bytes per UTF-16 unit: encoded in place, its length written before it.
    this.room(4 + v.length * 3);
    const { written } = encoder.encodeInto(v, this.buf.subarray(this.at + 4));
    this.view.setInt32(this.at, written);
    this.at += 4 + written;
    return this;
  }

  bytea(v: Uint8Array): this {
    this.int32(v.length);
    this.bytes(v);
    return this;
  }

  /** A one-dimensional int4[] without NULL elements. */
  intArray(v: readonly number[]): this {
    this.int32(20 + 8 * v.length);
    this.int32(1); // dimensions
    this.int32(0); // no NULLs
    this.int32(INT4_OID);
    this.int32(v.length);
    this.int32(1); // lower bound
    this.room(8 * v.length);
    for (const x of v) {
      this.view.setInt32(this.at, 4);
      this.view.setInt32(this.at + 4, x);
      this.at += 8;
    }
    return this;
  }

  /** A pgvector `vector`, or NULL. */
  vector(v: ArrayLike<number> | null): this {
    if (v === null) return this.null();
    this.int32(4 + 4 * v.length);
    this.int16(v.length);
    this.int16(0);
    this.room(4 * v.length);
    for (let i = 0; i < v.length; i++) {
      const x = v[i]!;
      this.view.setFloat32(this.at, Number.isFinite(x) ? x : 0);
      this.at += 4;
    }
    return this;
  }

  /** The finished COPY data (the trailer written); the writer is not to be used after. */
  finish(): Uint8Array {
    this.int16(-1);
    return this.buf.subarray(0, this.at);
  }
}

/** The serial sequences of the tables written by COPY (named by their migrations). */
const SEQUENCES = { chunks: 'chunks_id_seq', terms: 'terms_id_seq' } as const;

/**
 * n new ids from the serial sequence of `table`.id, ascending, for rows about to be copied
 * in (COPY returns no rows). The sequence is named as a constant (resolved once, not per
 * id), and one array value comes back, not a row per id: a write may add tens of thousands
 * of terms.
 */
export async function nextIds(tx: Queryable, table: keyof typeof SEQUENCES, n: number): Promise<number[]> {
  if (n === 0) return [];
  const [row] = await tx.query<{ ids: number[] }>(`SELECT array_agg(nextval('${SEQUENCES[table]}')::int) AS ids FROM generate_series(1, $1::int)`, [n]);
  return row!.ids.sort((a, b) => a - b);
}
