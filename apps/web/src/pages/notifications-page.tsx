import { Link } from '@tanstack/react-router';
import { useNotifications, useTransactions } from '../api/queries.js';
import { formatDateTime, formatTime } from '../lib/dates.js';
import {
  CHANNEL_LABEL,
  label,
  NOTIFICATION_STATUS_LABEL,
  TRANSACTION_TYPE_LABEL,
} from '../lib/labels.js';
import { Badge, type BadgeTone } from '../ui/badge.js';
import { EmptyState } from '../ui/empty-state.js';
import { Loading } from '../ui/loading.js';
import { Page } from '../ui/page.js';
import { ProblemAlert } from '../ui/problem-alert.js';

const TONE: Readonly<Record<string, BadgeTone>> = {
  pending: 'info',
  sent: 'success',
  failed: 'danger',
};

/** Notificaciones: where each notice went (masked) and whether it arrived; refreshes while pending. */
export function NotificationsPage() {
  const notifications = useNotifications();
  // One page of recent movements names the operation of each notice (no request per notice).
  const recent = useTransactions({}, 100);
  const operations = new Map(
    (recent.data?.pages[0]?.items ?? []).map((item) => [
      item.id,
      `${label(TRANSACTION_TYPE_LABEL, item.type)} · ${item.fundName}`,
    ]),
  );
  const items = notifications.data ?? [];
  const pending = items.some((item) => item.status === 'pending');
  const unverified = items.some((item) => item.reason?.code === 'DESTINATION_NOT_VERIFIED');
  return (
    <Page title="Notificaciones" lead="Los avisos que le enviamos por cada operación.">
      {pending && (
        <p className="hint live-hint" role="status">
          Hay avisos en camino; esta lista se actualiza sola.
        </p>
      )}
      {unverified && (
        <div className="alert alert-warning">
          <p>
            Algunos avisos no se enviaron porque el destino no está verificado.{' '}
            <Link to="/perfil">Verifíquelo en Mi perfil</Link> para recibir los próximos.
          </p>
        </div>
      )}
      <section className="card" aria-label="Avisos">
        {notifications.isPending ? (
          <Loading lines={4} label="Cargando notificaciones…" />
        ) : notifications.isError ? (
          <ProblemAlert error={notifications.error} />
        ) : items.length === 0 ? (
          <EmptyState title="Aún no tiene notificaciones">
            Le avisaremos por correo o SMS cada vez que se suscriba o cancele.
          </EmptyState>
        ) : (
          <ul className="movements">
            {items.map((item) => (
              <li key={item.id} className="movement">
                <div className="movement-main">
                  <p className="movement-title">
                    <Link
                      to="/historial/$id"
                      params={{ id: item.transactionId }}
                      className="fund-name"
                    >
                      {operations.get(item.transactionId) ?? 'Ver el movimiento'}
                    </Link>
                  </p>
                  <p className="movement-meta">
                    {label(CHANNEL_LABEL, item.channel)} a{' '}
                    <span className="destination">{item.destination}</span>
                  </p>
                  <p className="movement-meta">
                    <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
                    {item.sentAt !== null && (
                      <>
                        {' · enviada a las '}
                        <time dateTime={item.sentAt}>{formatTime(item.sentAt)}</time>
                      </>
                    )}
                    {item.attempts > 1 && ` · ${item.attempts} intentos`}
                  </p>
                  {item.reason !== null && <p className="movement-reason">{item.reason.message}</p>}
                </div>
                <div className="movement-side">
                  <Badge tone={TONE[item.status] ?? 'neutral'}>
                    {label(NOTIFICATION_STATUS_LABEL, item.status)}
                  </Badge>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
