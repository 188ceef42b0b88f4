/**
 * Money in the browser: the API sends decimal strings ("75000.50"); they become integer centavos
 * (bigint) for arithmetic and text for people, never a float on the way (a float turns
 * 0.1 + 0.2 into 0.30000000000000004 and large balances into approximations).
 */

const API_DECIMAL = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** Centavos of an API decimal string ("75000.50" → 7500050n). Throws on anything else. */
export function toCentavos(decimal: string): bigint {
  const match = API_DECIMAL.exec(decimal.trim());
  if (match === null) throw new Error(`Importe con formato inválido: ${decimal}`);
  const [, sign, units = '0', cents = ''] = match;
  const value = BigInt(units) * 100n + BigInt(cents.padEnd(2, '0'));
  return sign === undefined ? value : -value;
}

/** The API's decimal string of an amount in centavos (7500050n → "75000.50"). */
export function fromCentavos(centavos: bigint): string {
  const sign = centavos < 0n ? '-' : '';
  const abs = centavos < 0n ? -centavos : centavos;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

const NBSP = '\u00a0';

/** "500.000" — thousands separated by dots, as es-CO writes them. */
function groupThousands(units: bigint): string {
  return units.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * es-CO pesos: `$ 500.000`, centavos only when not zero (`$ 75.000,50`), `-$ 10.000`.
 * A no-break space follows `$` so the sign never wraps apart from the number.
 */
export function formatCop(amount: string | bigint): string {
  const centavos = typeof amount === 'bigint' ? amount : toCentavos(amount);
  const abs = centavos < 0n ? -centavos : centavos;
  const cents = abs % 100n;
  const text =
    groupThousands(abs / 100n) + (cents === 0n ? '' : `,${cents.toString().padStart(2, '0')}`);
  return `${centavos < 0n ? '-' : ''}$${NBSP}${text}`;
}

/** The number without `$`, as a person would type it in an amount field ("75.000,5" style). */
export function formatAmountInput(amount: string | bigint): string {
  return formatCop(amount).replace(/^-?\$\u00a0/, '');
}

const GROUPED = /^\d{1,3}(?:\.\d{3})+$/;
const PLAIN = /^\d+$/;

/**
 * Reads an amount typed the Colombian way — `75.000`, `75000`, `75.000,50`, `$ 75.000,5` —
 * into the API's decimal string ("75000.50"). Dots group thousands (in threes), a comma starts
 * the centavos (one or two digits). Returns null for anything else, e.g. `75.5` or `1,234`.
 */
export function parseCopInput(text: string): string | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^\$/, '');
  const [units = '', cents, extra] = cleaned.split(',');
  if (extra !== undefined || units === '') return null;
  if (!PLAIN.test(units) && !GROUPED.test(units)) return null;
  if (cents !== undefined && !/^\d{1,2}$/.test(cents)) return null;
  const value = BigInt(units.replaceAll('.', '')) * 100n + BigInt((cents ?? '').padEnd(2, '0'));
  return fromCentavos(value);
}

/** Share of `part` in `total` as es-CO text with one decimal ("37,5 %"), from integers only. */
export function formatShare(part: bigint, total: bigint): string {
  if (total <= 0n) return '0 %';
  const tenths = (part * 1000n + total / 2n) / total;
  const whole = tenths / 10n;
  const decimal = tenths % 10n;
  return `${whole}${decimal === 0n ? '' : `,${decimal}`}${NBSP}%`;
}
