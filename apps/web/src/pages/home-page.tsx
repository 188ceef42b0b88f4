import { Link, Navigate } from '@tanstack/react-router';
import { useMe, useSubscriptions, useTransactions } from '../api/queries.js';
import { toCentavos } from '../lib/money.js';
import { EmptyState } from '../ui/empty-state.js';
import { Loading } from '../ui/loading.js';
import { Money } from '../ui/money.js';
import { Page } from '../ui/page.js';
import { ProblemAlert } from '../ui/problem-alert.js';
import { Distribution } from './home/distribution.js';
import { TransactionList } from './history/transaction-list.js';
import { SHARED_TEXT } from '../lib/labels.js';

function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? fullName;
}

function RecentMovements() {
  const recent = useTransactions({}, 5);
  if (recent.isPending) return <Loading lines={3} label="Cargando movimientos…" />;
  if (recent.isError) return <ProblemAlert error={recent.error} />;
  const items = recent.data.pages[0]?.items ?? [];
  if (items.length === 0) {
    return (
      <EmptyState title={SHARED_TEXT.noTransactionsYet}>
        Cuando se suscriba a un fondo o cancele una suscripción, lo verá aquí.
      </EmptyState>
    );
  }
  return (
    <>
      <TransactionList items={items} />
      <p className="section-link">
        <Link to="/historial">Ver todo el historial</Link>
      </p>
    </>
  );
}

/** Inicio: how much is free, how much is invested, where the money is, what happened last. */
export function HomePage() {
  const me = useMe();
  const subscriptions = useSubscriptions();
  if (me.data?.role === 'admin') return <Navigate to="/admin/clientes" replace />;
  const name = me.data !== undefined ? firstName(me.data.fullName) : '';
  const active = subscriptions.data?.filter((item) => item.status === 'active') ?? [];
  const invested = active.reduce((sum, item) => sum + toCentavos(item.amount), 0n);

  return (
    <Page
      title={me.data !== undefined ? `Hola, ${name}` : 'Inicio'}
      lead="Este es el resumen de su dinero en BTG Pactual."
    >
      {me.isError && <ProblemAlert error={me.error} />}
      {me.data?.emailVerified === false && (
        <div className="alert alert-info">
          <p>
            Verifique su correo para recibir los avisos de sus operaciones.{' '}
            <Link to="/perfil">Ir a Mi perfil</Link>
          </p>
        </div>
      )}
      <section className="stats" aria-label="Resumen">
        <div className="stat stat-primary">
          <p className="stat-label">Saldo disponible</p>
          <p className="stat-value">
            {me.data !== undefined ? <Money value={me.data.balance} /> : '—'}
          </p>
          <p className="stat-note">Listo para invertir</p>
        </div>
        <div className="stat">
          <p className="stat-label">Total invertido</p>
          <p className="stat-value">{subscriptions.isSuccess ? <Money value={invested} /> : '—'}</p>
          <p className="stat-note">
            {active.length === 0
              ? 'Aún sin inversiones'
              : active.length === 1
                ? 'En 1 fondo'
                : `En ${active.length} fondos`}
          </p>
        </div>
        <div className="stat stat-action">
          <p className="stat-label">¿Listo para invertir?</p>
          <Link to="/fondos" className="button">
            Ver fondos
          </Link>
        </div>
      </section>

      <div className="home-grid">
        <section className="card" aria-labelledby="distribucion">
          <h2 id="distribucion">Distribución de su dinero</h2>
          {me.isPending || subscriptions.isPending ? (
            <Loading lines={4} />
          ) : subscriptions.isError ? (
            <ProblemAlert error={subscriptions.error} />
          ) : me.data !== undefined ? (
            <Distribution balance={me.data.balance} active={active} />
          ) : null}
        </section>
        <section className="card" aria-labelledby="ultimos">
          <h2 id="ultimos">Últimos movimientos</h2>
          <RecentMovements />
        </section>
      </div>
    </Page>
  );
}
