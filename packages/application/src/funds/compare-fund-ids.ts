/** Numeric ids in numeric order ("2" before "10"), then the others in code-point order. */
export function compareFundIds(a: string, b: string): number {
  const numeric = /^\d+$/;
  const an = numeric.test(a);
  const bn = numeric.test(b);
  if (an && bn) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
