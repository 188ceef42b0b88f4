import { useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { useServiceStatus } from '../api/service-status-context.js';
import { useCountdown } from './problem-alert.js';

function Wait({ seconds }: { readonly seconds: number }) {
  const left = useCountdown(seconds);
  if (left === null || left <= 0) return null;
  return (
    <>
      {' '}
      Intente de nuevo en {left} {left === 1 ? 'segundo' : 'segundos'}.
    </>
  );
}

/** A banner above every screen while the service answers 503 or does not answer at all. */
export function ServiceBanner() {
  const status = useServiceStatus();
  const outage = useSyncExternalStore(status.subscribe, status.get);
  const queryClient = useQueryClient();
  return (
    <div className="service-banner-slot" role="status" aria-live="polite">
      {outage !== null && (
        <div className="service-banner">
          <p>
            <strong>
              {outage.unreachable
                ? 'No logramos comunicarnos con el servicio.'
                : 'El servicio no está disponible en este momento.'}
            </strong>
            {outage.retryAfter !== null && <Wait key={outage.since} seconds={outage.retryAfter} />}{' '}
            Su dinero está seguro: ninguna operación se hace dos veces.
          </p>
          <button
            type="button"
            className="button button-small button-light"
            onClick={() => void queryClient.refetchQueries({ type: 'active' })}
          >
            Reintentar
          </button>
        </div>
      )}
    </div>
  );
}
