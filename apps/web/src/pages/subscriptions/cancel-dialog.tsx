import type { Subscription } from '@btg-funds/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { isOutcomeUnknown } from '../../api/problems.js';
import { useProfile } from '../../api/queries.js';
import { AFTER_MONEY_MOVED } from '../../api/query-keys.js';
import { useIntentKey } from '../../api/use-intent-key.js';
import { formatCop, toCentavos } from '../../lib/money.js';
import { useSession } from '../../session/session-context.js';
import { useAnnounce } from '../../ui/announcer.js';
import { Dialog } from '../../ui/dialog.js';
import { OutcomeUnknown } from '../../ui/outcome-unknown.js';
import { ProblemAlert } from '../../ui/problem-alert.js';
import { FundName } from '../../ui/fund-name.js';

/** Cancelación: says what comes back before anything moves; one key per dialog. */
export function CancelDialog({
  subscription,
  onClose,
}: {
  readonly subscription: Subscription;
  readonly onClose: () => void;
}) {
  const { btg } = useSession();
  const profile = useProfile();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const keyFor = useIntentKey();
  const sending = useRef(false);
  const done = useRef(false);
  const cancel = useMutation({
    mutationFn: () => btg.cancel(subscription.id, { idempotencyKey: keyFor(subscription.id) }),
    onSuccess: ({ result }) => {
      done.current = true;
      announce(
        `Cancelada su suscripción a ${result.subscription.fundName}: le devolvimos ` +
          `${formatCop(result.subscription.amount)}. Su saldo disponible es ${formatCop(result.balance)}.`,
      );
      onClose();
    },
    onSettled: async () => {
      sending.current = false;
      await Promise.all(
        AFTER_MONEY_MOVED.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
  const unknown = cancel.isError && isOutcomeUnknown(cancel.error);
  const after =
    profile === null ? null : toCentavos(profile.balance) + toCentavos(subscription.amount);
  const confirm = () => {
    if (sending.current) return;
    sending.current = true;
    cancel.mutate();
  };

  return (
    <Dialog
      title="¿Cancelar esta suscripción?"
      onClose={onClose}
      busy={cancel.isPending}
      returnFocus={() => (done.current ? 'heading' : 'opener')}
    >
      <p>
        Cancelará su suscripción a{' '}
        <strong>
          <FundName name={subscription.fundName} />
        </strong>
        .
      </p>
      <p className="refund">
        Le devolveremos <strong>{formatCop(subscription.amount)}</strong> a su saldo disponible
        {after !== null && (
          <>
            , que quedará en <strong>{formatCop(after)}</strong>
          </>
        )}
        .
      </p>
      {cancel.isError &&
        (unknown ? (
          <OutcomeUnknown error={cancel.error} what="la cancelación" />
        ) : (
          <ProblemAlert error={cancel.error} />
        ))}
      <div className="dialog-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={onClose}
          disabled={cancel.isPending}
          data-autofocus
        >
          No, mantenerla
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={confirm}
          disabled={cancel.isPending}
        >
          {cancel.isPending ? 'Procesando…' : unknown ? 'Reintentar' : 'Sí, cancelar'}
        </button>
      </div>
    </Dialog>
  );
}
