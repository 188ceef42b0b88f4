const NUMERIC = /^\d+$/;

/**
 * The listing order of funds (same as the memory adapter): numeric ids in numeric order, then
 * the others lexicographically. Digit strings compare by length first, so "10" follows "9"
 * without a lossy conversion to a JS number.
 */
export function compareFundIds(a: string, b: string): number {
  const aNumeric = NUMERIC.test(a);
  const bNumeric = NUMERIC.test(b);
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  if (aNumeric) {
    const aDigits = a.replace(/^0+(?=\d)/, '');
    const bDigits = b.replace(/^0+(?=\d)/, '');
    if (aDigits.length !== bDigits.length) return aDigits.length - bDigits.length;
    if (aDigits !== bDigits) return aDigits < bDigits ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
