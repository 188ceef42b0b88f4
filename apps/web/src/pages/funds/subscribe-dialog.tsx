import type { ClientProfile, Fund, SubscribeRequest } from '@btg-funds/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { fieldErrors, isOutcomeUnknown } from '../../api/problems.js';
import { AFTER_MONEY_MOVED } from '../../api/query-keys.js';
import { useIntentKey } from '../../api/use-intent-key.js';
import { formatAmountInput, formatCop, parseCopInput, toCentavos } from '../../lib/money.js';
import { useSession } from '../../session/session-context.js';
import { useAnnounce } from '../../ui/announcer.js';
import { Dialog } from '../../ui/dialog.js';
import { RadioGroup, TextField } from '../../ui/field.js';
import { OutcomeUnknown } from '../../ui/outcome-unknown.js';
import { ProblemAlert } from '../../ui/problem-alert.js';
import { SHARED_TEXT } from '../../lib/labels.js';

function amountProblem(amount: string | null, minimum: string): string | undefined {
  if (amount === null) return 'Escriba un monto válido, por ejemplo 75.000 o 75.000,50.';
  if (toCentavos(amount) < toCentavos(minimum)) {
    return `El monto mínimo de este fondo es ${formatCop(minimum)}.`;
  }
  return undefined;
}

/** Suscribirse: amount (prefilled with the minimum), channel, and the balance it will leave. */
export function SubscribeDialog({
  fund,
  profile,
  onClose,
}: {
  readonly fund: Fund;
  readonly profile: ClientProfile;
  readonly onClose: () => void;
}) {
  const { btg } = useSession();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const keyFor = useIntentKey();
  const sending = useRef(false);
  const done = useRef(false);
  const [amountText, setAmountText] = useState(() => formatAmountInput(fund.minimumAmount));
  const [notify, setNotify] = useState(profile.notificationPreference);
  const [touched, setTouched] = useState(false);

  const subscribe = useMutation({
    mutationFn: (body: SubscribeRequest) => btg.subscribe(body, { idempotencyKey: keyFor(body) }),
    onSuccess: ({ result }) => {
      done.current = true;
      announce(
        `Listo: se suscribió a ${result.subscription.fundName} por ${formatCop(result.subscription.amount)}. ` +
          `Su saldo disponible es ${formatCop(result.balance)}.`,
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

  const amount = parseCopInput(amountText);
  const problem = amountProblem(amount, fund.minimumAmount);
  const after = amount === null ? null : toCentavos(profile.balance) - toCentavos(amount);
  const unknown = subscribe.isError && isOutcomeUnknown(subscribe.error);
  const server = fieldErrors(subscribe.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    // A second click before React re-renders must not send a second request.
    if (problem !== undefined || amount === null || sending.current) return;
    sending.current = true;
    subscribe.mutate({ fundId: fund.id, amount, notify });
  };

  return (
    <Dialog
      title={`Suscribirse a ${fund.name}`}
      onClose={onClose}
      busy={subscribe.isPending}
      returnFocus={() => (done.current ? 'heading' : 'opener')}
    >
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label="Monto a invertir (COP)"
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          hint={`Mínimo ${formatCop(fund.minimumAmount)}. Use punto para miles y coma para centavos.`}
          value={amountText}
          onChange={(event) => setAmountText(event.target.value)}
          onBlur={() => setTouched(true)}
          data-autofocus
          error={(touched ? problem : undefined) ?? server.amount}
        />
        <RadioGroup
          legend="Notificarme por"
          name="notify"
          value={notify}
          onChange={(value) => setNotify(value === 'sms' ? 'sms' : 'email')}
          choices={[
            { value: 'email', label: SHARED_TEXT.emailLabel },
            { value: 'sms', label: 'SMS', disabled: profile.phone === null },
          ]}
          hint={
            profile.phone === null ? 'Para recibir SMS agregue su celular en Mi perfil.' : undefined
          }
          error={server.notify}
        />
        <dl className="summary">
          <div>
            <dt>Saldo disponible</dt>
            <dd>{formatCop(profile.balance)}</dd>
          </div>
          <div>
            <dt>Saldo que le quedará</dt>
            <dd className={after !== null && after < 0n ? 'amount-out' : undefined}>
              {after === null ? '—' : after < 0n ? 'Saldo insuficiente' : formatCop(after)}
            </dd>
          </div>
        </dl>
        {subscribe.isError &&
          (unknown ? (
            <OutcomeUnknown error={subscribe.error} what="la suscripción" />
          ) : (
            <ProblemAlert error={subscribe.error} />
          ))}
        <div className="dialog-actions">
          <button
            type="button"
            className="button button-secondary"
            onClick={onClose}
            disabled={subscribe.isPending}
          >
            Volver
          </button>
          <button type="submit" className="button" disabled={subscribe.isPending}>
            {subscribe.isPending ? 'Procesando…' : unknown ? 'Reintentar' : 'Confirmar'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
