import { Link } from '@tanstack/react-router';
import { useAdminClients } from '../../api/queries.js';
import { formatDate } from '../../lib/dates.js';
import { label, ROLE_LABEL } from '../../lib/labels.js';
import { Badge } from '../../ui/badge.js';
import { EmptyState } from '../../ui/empty-state.js';
import { countText, LoadMore } from '../../ui/load-more.js';
import { Loading } from '../../ui/loading.js';
import { Money } from '../../ui/money.js';
import { Page } from '../../ui/page.js';
import { ProblemAlert } from '../../ui/problem-alert.js';

/** Clientes (admin): everyone registered, oldest first, a page at a time. */
export function ClientsPage() {
  const clients = useAdminClients();
  const items = clients.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Page title="Clientes" lead="Consulte los clientes registrados y su historial.">
      <section className="card" aria-label="Lista de clientes">
        {clients.isPending ? (
          <Loading lines={6} label="Cargando clientes…" />
        ) : clients.isError ? (
          <ProblemAlert error={clients.error} />
        ) : items.length === 0 ? (
          <EmptyState title="Aún no hay clientes registrados" />
        ) : (
          <>
            <ul className="people">
              {items.map((client) => (
                <li key={client.id} className="person">
                  <div className="person-main">
                    <p className="person-name">
                      <Link to="/admin/clientes/$id" params={{ id: client.id }}>
                        {client.fullName}
                      </Link>
                      {client.role === 'admin' && (
                        <Badge tone="info">{label(ROLE_LABEL, client.role)}</Badge>
                      )}
                    </p>
                    <p className="movement-meta break">{client.email}</p>
                    <p className="movement-meta">Desde {formatDate(client.createdAt)}</p>
                  </div>
                  <div className="person-side">
                    <span className="muted">Saldo</span> <Money value={client.balance} />
                  </div>
                </li>
              ))}
            </ul>
            <LoadMore query={clients} summary={countText(items.length, 'cliente', 'clientes')} />
          </>
        )}
      </section>
    </Page>
  );
}
