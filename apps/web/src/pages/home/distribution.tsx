import type { Subscription } from '@btg-funds/client';
import { Link } from '@tanstack/react-router';
import { formatCop, formatShare, toCentavos } from '../../lib/money.js';
import { Donut } from '../../ui/donut.js';
import { Money } from '../../ui/money.js';
import { FundName } from '../../ui/fund-name.js';

const TONES = 8;

/** The donut and, beside it, the same numbers as a table (the table is what assistive tech reads). */
export function Distribution({
  balance,
  active,
}: {
  readonly balance: string;
  readonly active: readonly Subscription[];
}) {
  const rows = [
    { key: 'balance', name: 'Saldo disponible', value: toCentavos(balance), tone: 'slice-balance' },
    ...active.map((item, index) => ({
      key: item.id,
      name: item.fundName,
      value: toCentavos(item.amount),
      tone: `slice-${index % TONES}`,
    })),
  ];
  const total = rows.reduce((sum, row) => sum + row.value, 0n);
  return (
    <div className="distribution">
      <Donut slices={rows} centerLabel="Total" centerValue={formatCop(total)} />
      <div className="distribution-table">
        <table className="table">
          <caption className="visually-hidden">Distribución de su dinero por concepto</caption>
          <thead>
            <tr>
              <th scope="col">Concepto</th>
              <th scope="col" className="num">
                Monto
              </th>
              <th scope="col" className="num">
                Parte
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" className="concept">
                  <span className={`swatch ${row.tone}`} aria-hidden="true" />
                  <FundName name={row.name} />
                </th>
                <td className="num">
                  <Money value={row.value} />
                </td>
                <td className="num">{formatShare(row.value, total)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="num">
                <Money value={total} />
              </td>
              <td className="num">{formatShare(total, total)}</td>
            </tr>
          </tfoot>
        </table>
        {active.length === 0 && (
          <p className="hint">
            Todo su dinero está disponible. <Link to="/fondos">Conozca los fondos</Link> para
            empezar a invertir.
          </p>
        )}
      </div>
    </div>
  );
}
