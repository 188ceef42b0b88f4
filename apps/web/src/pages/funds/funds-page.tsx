import type { Fund } from '@btg-funds/client';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useFunds, useMe, useSubscriptions } from '../../api/queries.js';
import { CATEGORY_LABEL, label } from '../../lib/labels.js';
import { Badge } from '../../ui/badge.js';
import { EmptyState } from '../../ui/empty-state.js';
import { Loading } from '../../ui/loading.js';
import { Money } from '../../ui/money.js';
import { Page } from '../../ui/page.js';
import { ProblemAlert } from '../../ui/problem-alert.js';
import { SubscribeDialog } from './subscribe-dialog.js';
import { FundName } from '../../ui/fund-name.js';

function FundCard({
  fund,
  subscribed,
  onSubscribe,
}: {
  readonly fund: Fund;
  readonly subscribed: boolean;
  readonly onSubscribe: () => void;
}) {
  return (
    <li className={`fund-card${fund.active ? '' : ' fund-card-inactive'}`}>
      <div className="fund-card-head">
        <h2>
          <FundName name={fund.name} />
        </h2>
        <div className="badges">
          {subscribed && <Badge tone="success">Suscrito</Badge>}
          {!fund.active && <Badge tone="warning">Inactivo</Badge>}
        </div>
      </div>
      <p className="fund-category">
        {label(CATEGORY_LABEL, fund.category)} <span className="muted">({fund.category})</span>
      </p>
      <p className="fund-minimum">
        <span className="muted">Monto mínimo</span> <Money value={fund.minimumAmount} />
      </p>
      <div className="fund-card-action">
        {subscribed ? (
          <Link to="/suscripciones" className="button button-secondary">
            Ver mi suscripción<span className="visually-hidden"> a {fund.name}</span>
          </Link>
        ) : fund.active ? (
          <button type="button" className="button" onClick={onSubscribe}>
            Suscribirse<span className="visually-hidden"> a {fund.name}</span>
          </button>
        ) : (
          <p className="hint">Este fondo no recibe suscripciones por ahora.</p>
        )}
      </div>
    </li>
  );
}

/** Fondos: the catalogue, what the person already holds, and the way in (Suscribirse). */
export function FundsPage() {
  const funds = useFunds();
  const me = useMe();
  const subscriptions = useSubscriptions();
  const [chosen, setChosen] = useState<Fund | null>(null);
  const held = new Set(
    (subscriptions.data ?? [])
      .filter((item) => item.status === 'active')
      .map((item) => item.fundId),
  );

  return (
    <Page title="Fondos" lead="Elija un fondo, el monto y cómo quiere recibir la confirmación.">
      {funds.isPending || subscriptions.isPending ? (
        <Loading lines={5} label="Cargando fondos…" />
      ) : funds.isError ? (
        <ProblemAlert error={funds.error} />
      ) : funds.data.length === 0 ? (
        <EmptyState title="No hay fondos disponibles por ahora" />
      ) : (
        <ul className="fund-grid">
          {funds.data.map((fund) => (
            <FundCard
              key={fund.id}
              fund={fund}
              subscribed={held.has(fund.id)}
              onSubscribe={() => setChosen(fund)}
            />
          ))}
        </ul>
      )}
      {chosen !== null && me.data !== undefined && (
        <SubscribeDialog fund={chosen} profile={me.data} onClose={() => setChosen(null)} />
      )}
    </Page>
  );
}
