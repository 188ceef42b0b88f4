import { Link, useParams } from '@tanstack/react-router';
import { useTransaction } from '../../api/queries.js';
import { formatDateTime } from '../../lib/dates.js';
import { label, TRANSACTION_STATUS_LABEL, TRANSACTION_TYPE_LABEL } from '../../lib/labels.js';
import { Badge } from '../../ui/badge.js';
import { Loading } from '../../ui/loading.js';
import { Money } from '../../ui/money.js';
import { Page } from '../../ui/page.js';
import { ProblemAlert } from '../../ui/problem-alert.js';
import { FundName } from '../../ui/fund-name.js';

/** Detalle de movimiento: everything the API knows about one transaction, with its reason. */
export function TransactionPage() {
  const { id } = useParams({ from: '/auth/historial/$id' });
  const transaction = useTransaction(id);
  const item = transaction.data;
  return (
    <Page title="Detalle del movimiento">
      <p className="back-link">
        <Link to="/historial">← Volver al historial</Link>
      </p>
      {transaction.isPending ? (
        <Loading lines={6} />
      ) : transaction.isError || item === undefined ? (
        <ProblemAlert error={transaction.error} />
      ) : (
        <section className="card" aria-label="Datos del movimiento">
          <div className="detail-head">
            <div>
              <p className="detail-kind">{label(TRANSACTION_TYPE_LABEL, item.type)}</p>
              <p className="detail-title">
                <FundName name={item.fundName} />
              </p>
            </div>
            <Badge tone={item.status === 'failed' ? 'danger' : 'success'}>
              {label(TRANSACTION_STATUS_LABEL, item.status)}
            </Badge>
          </div>
          {item.reason !== null && (
            <div className="alert alert-warning">
              <p className="alert-title">Motivo</p>
              <p>{item.reason.message}</p>
            </div>
          )}
          <dl className="details">
            <div>
              <dt>Monto</dt>
              <dd>
                <Money value={item.amount} />
              </dd>
            </div>
            <div>
              <dt>Saldo disponible después</dt>
              <dd>
                <Money value={item.balanceAfter} />
              </dd>
            </div>
            <div>
              <dt>Fecha y hora (Bogotá)</dt>
              <dd>
                <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
              </dd>
            </div>
            <div>
              <dt>Fondo</dt>
              <dd>
                <FundName name={item.fundName} /> (id {item.fundId})
              </dd>
            </div>
            <div>
              <dt>Identificador de la transacción</dt>
              <dd className="code">{item.id}</dd>
            </div>
            {item.subscriptionId !== null && (
              <div>
                <dt>Suscripción</dt>
                <dd className="code">{item.subscriptionId}</dd>
              </div>
            )}
          </dl>
        </section>
      )}
    </Page>
  );
}
