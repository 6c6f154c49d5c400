import { toSql } from 'pgvector';

/**
 * pgvector's text form of a vector ('[0.1,0.2,...]'), written by the pgvector package; the
 * same text is accepted by PGlite's pgvector. A non-finite component (a model server's NaN)
 * becomes 0 rather than failing the whole batch.
 */
export function toVectorLiteral(v: ArrayLike<number>): string {
  const literal: string = toSql(Array.from(v, (x) => (Number.isFinite(x) ? x : 0)));
  return literal;
}

