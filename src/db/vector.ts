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
