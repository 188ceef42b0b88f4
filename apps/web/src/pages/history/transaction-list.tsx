import type { Transaction } from '@btg-funds/client';
import { Link } from '@tanstack/react-router';
import { formatDateTime } from '../../lib/dates.js';
import { label, TRANSACTION_STATUS_LABEL, TRANSACTION_TYPE_LABEL } from '../../lib/labels.js';
import { Badge } from '../../ui/badge.js';
import { Money } from '../../ui/money.js';
import { FundName } from '../../ui/fund-name.js';

/** How a movement changed the available balance, as the person sees it. */
function Effect({ item }: { readonly item: Transaction }) {
  if (item.status === 'failed') return <Money value={item.amount} className="money-muted" />;
  const sign = item.type === 'subscription' ? '−' : '+';
  return (
    <span className={item.type === 'subscription' ? 'amount-out' : 'amount-in'}>
      <span aria-hidden="true">{sign}</span>
      <span className="visually-hidden">{item.type === 'subscription' ? 'sale ' : 'entra '}</span>
      <Money value={item.amount} />
    </span>
  );
}

/**
 * Movements as a list of cards rather than a wide table: it reads the same at 320 px and on a
 * desktop, and a failed attempt carries its reason in words.
 */
export function TransactionList({
  items,
  linkToDetail = true,
}: {
  readonly items: readonly Transaction[];
  readonly linkToDetail?: boolean;
}) {
  return (
    <ul className="movements">
      {items.map((item) => (
        <li
          key={item.id}
          className={`movement${item.status === 'failed' ? ' movement-failed' : ''}`}
        >
          <div className="movement-main">
            <p className="movement-title">
              <span className="movement-type">{label(TRANSACTION_TYPE_LABEL, item.type)}</span>
              {linkToDetail ? (
                <Link to="/historial/$id" params={{ id: item.id }}>
                  <FundName name={item.fundName} />
                </Link>
              ) : (
                <FundName name={item.fundName} />
              )}
            </p>
            <p className="movement-meta">
              <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
            </p>
            {item.reason !== null && <p className="movement-reason">{item.reason.message}</p>}
          </div>
          <div className="movement-side">
            <Effect item={item} />
            <Badge tone={item.status === 'failed' ? 'danger' : 'success'}>
              {label(TRANSACTION_STATUS_LABEL, item.status)}
            </Badge>
          </div>
        </li>
      ))}
    </ul>
  );
}
