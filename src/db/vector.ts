/** pgvector's text form of a vector: '[0.1,0.2,...]'. */
export function toVectorLiteral(v: ArrayLike<number>): string {
  let s = '[';
  for (let i = 0; i < v.length; i++) {
    if (i > 0) s += ',';
    const x = v[i] as number;
    s += Number.isFinite(x) ? x.toFixed(6).replace(/\.?0+$/, '') || '0' : '0';
  }
  return s + ']';
}
