import { Link, useParams } from '@tanstack/react-router';
import { useAdminClient, useAdminClientTransactions } from '../../api/queries.js';
import { formatDate } from '../../lib/dates.js';
import { CHANNEL_LABEL, label, ROLE_LABEL, SHARED_TEXT } from '../../lib/labels.js';
import { EmptyState } from '../../ui/empty-state.js';
import { countText, LoadMore } from '../../ui/load-more.js';
import { Loading } from '../../ui/loading.js';
import { Money } from '../../ui/money.js';
import { Page } from '../../ui/page.js';
import { ProblemAlert } from '../../ui/problem-alert.js';
import { TransactionList } from '../history/transaction-list.js';

function ClientHistory({ id }: { readonly id: string }) {
  const history = useAdminClientTransactions(id);
  const items = history.data?.pages.flatMap((page) => page.items) ?? [];
  if (history.isPending) return <Loading lines={4} label="Cargando historial…" />;
  if (history.isError) return <ProblemAlert error={history.error} />;
  if (items.length === 0) return <EmptyState title="Este cliente aún no tiene movimientos" />;
  return (
    <>
      <TransactionList items={items} linkToDetail={false} />
      <LoadMore query={history} summary={countText(items.length, 'movimiento', 'movimientos')} />
    </>
  );
}

/** Detalle de cliente (admin): the profile and that client's history. */
export function ClientPage() {
  const { id } = useParams({ from: '/auth/admin/clientes/$id' });
  const client = useAdminClient(id);
  return (
    <Page
      title={client.data?.fullName ?? 'Detalle del cliente'}
      lead="Datos del cliente y su historial de movimientos."
    >
      <p className="back-link">
        <Link to="/admin/clientes">← Volver a clientes</Link>
      </p>
      {client.isPending ? (
        <Loading lines={4} />
      ) : client.isError ? (
        <ProblemAlert error={client.error} />
      ) : (
        <section className="card" aria-labelledby="datos">
          <h2 id="datos">Datos</h2>
          <dl className="details">
            <div>
              <dt>Saldo disponible</dt>
              <dd>
                <Money value={client.data.balance} />
              </dd>
            </div>
            <div>
              <dt>{SHARED_TEXT.emailLabel}</dt>
              <dd className="break">{client.data.email}</dd>
            </div>
            <div>
              <dt>Celular</dt>
              <dd>{client.data.phone ?? 'No registrado'}</dd>
            </div>
            <div>
              <dt>Avisos por</dt>
              <dd>{label(CHANNEL_LABEL, client.data.notificationPreference)}</dd>
            </div>
            <div>
              <dt>Tipo de usuario</dt>
              <dd>{label(ROLE_LABEL, client.data.role)}</dd>
            </div>
            <div>
              <dt>Cliente desde</dt>
              <dd>{formatDate(client.data.createdAt)}</dd>
            </div>
          </dl>
        </section>
      )}
      <section className="card" aria-labelledby="historial-cliente">
        <h2 id="historial-cliente">Historial</h2>
        <ClientHistory id={id} />
      </section>
    </Page>
  );
}
