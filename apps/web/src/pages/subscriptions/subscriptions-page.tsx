import type { Subscription } from '@btg-funds/client';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useCancelledSubscriptions, useSubscriptions } from '../../api/queries.js';
import { formatDateTime } from '../../lib/dates.js';
import { EmptyState } from '../../ui/empty-state.js';
import { countText, LoadMore } from '../../ui/load-more.js';
import { Loading } from '../../ui/loading.js';
import { Money } from '../../ui/money.js';
import { Page } from '../../ui/page.js';
import { ProblemAlert } from '../../ui/problem-alert.js';
import { CancelDialog } from './cancel-dialog.js';
import { FundName } from '../../ui/fund-name.js';

function SubscriptionRow({
  item,
  onCancel,
}: {
  readonly item: Subscription;
  readonly onCancel?: () => void;
}) {
  return (
    <li className="subscription">
      <div className="subscription-main">
        <p className="subscription-fund">
          <FundName name={item.fundName} />
        </p>
        <p className="movement-meta">
          {item.status === 'active' ? 'Desde ' : 'Cancelada el '}
          <time dateTime={item.cancelledAt ?? item.subscribedAt}>
            {formatDateTime(item.cancelledAt ?? item.subscribedAt)}
          </time>
        </p>
      </div>
      <div className="subscription-side">
        <Money value={item.amount} className="subscription-amount" />
        {onCancel !== undefined && (
          <button type="button" className="button button-secondary button-small" onClick={onCancel}>
            Cancelar<span className="visually-hidden"> suscripción a {item.fundName}</span>
          </button>
        )}
      </div>
    </li>
  );
}

/** Mis suscripciones: what is invested now (cancel returns the money) and what was cancelled. */
export function SubscriptionsPage() {
  const subscriptions = useSubscriptions();
  const history = useCancelledSubscriptions();
  const [cancelling, setCancelling] = useState<Subscription | null>(null);
  const active = subscriptions.data ?? [];
  const cancelled = history.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Page
      title="Mis suscripciones"
      lead="Al cancelar una suscripción, el monto vuelve a su saldo disponible."
    >
      {subscriptions.isPending ? (
        <Loading lines={4} label="Cargando suscripciones…" />
      ) : subscriptions.isError ? (
        <ProblemAlert error={subscriptions.error} />
      ) : (
        <>
          <section className="card" aria-labelledby="activas">
            <h2 id="activas">
              Activas <span className="count">({active.length})</span>
            </h2>
            {active.length === 0 ? (
              <EmptyState
                title="No tiene suscripciones activas"
                action={
                  <Link to="/fondos" className="button">
                    Ver fondos
                  </Link>
                }
              >
                Suscríbase a un fondo para empezar a invertir.
              </EmptyState>
            ) : (
              <ul className="subscriptions">
                {active.map((item) => (
                  <SubscriptionRow key={item.id} item={item} onCancel={() => setCancelling(item)} />
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="canceladas">
            <h2 id="canceladas">Canceladas</h2>
            {history.isPending ? (
              <Loading lines={2} label="Cargando suscripciones canceladas…" />
            ) : history.isError ? (
              <ProblemAlert error={history.error} />
            ) : cancelled.length === 0 ? (
              <p className="hint">Aún no ha cancelado ninguna suscripción.</p>
            ) : (
              <>
                <ul className="subscriptions subscriptions-cancelled">
                  {cancelled.map((item) => (
                    <SubscriptionRow key={item.id} item={item} />
                  ))}
                </ul>
                <LoadMore
                  query={history}
                  summary={countText(
                    cancelled.length,
                    'suscripción cancelada',
                    'suscripciones canceladas',
                  )}
                />
              </>
            )}
          </section>
        </>
      )}
      {cancelling !== null && (
        <CancelDialog subscription={cancelling} onClose={() => setCancelling(null)} />
      )}
    </Page>
  );
}
