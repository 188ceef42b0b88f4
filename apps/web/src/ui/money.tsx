import { formatCop } from '../lib/money.js';

/** An amount in pesos, from the API's decimal string; tabular digits line up in columns. */
export function Money({
  value,
  className,
}: {
  readonly value: string | bigint;
  readonly className?: string;
}) {
  return <span className={`money ${className ?? ''}`}>{formatCop(value)}</span>;
}
