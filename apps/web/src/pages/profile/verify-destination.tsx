import type { ClientProfile } from '@btg-funds/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrors } from '../../api/problems.js';
import { queryKeys } from '../../api/query-keys.js';
import { formatTime } from '../../lib/dates.js';
import { useSession } from '../../session/session-context.js';
import { useAnnounce } from '../../ui/announcer.js';
import { Badge } from '../../ui/badge.js';
import { TextField } from '../../ui/field.js';
import { ProblemAlert } from '../../ui/problem-alert.js';
import { SHARED_TEXT } from '../../lib/labels.js';

const WHAT = { email: 'su correo', sms: 'su celular' } as const;

/**
 * One destination (the e-mail or the phone) and its proof: notices go only to verified
 * destinations, so an unverified one offers "Enviarme un código" and a field for the 6 digits.
 */
export function VerifyDestination({
  channel,
  profile,
}: {
  readonly channel: 'email' | 'sms';
  readonly profile: ClientProfile;
}) {
  const { btg } = useSession();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [code, setCode] = useState('');
  const verified = channel === 'email' ? profile.emailVerified : profile.phoneVerified;
  const send = useMutation({
    mutationFn: async () =>
      (await btg.api.POST('/api/v1/me/verification', { body: { channel } })).data!,
  });
  const confirm = useMutation({
    mutationFn: async () =>
      (
        await btg.api.POST('/api/v1/me/verification/confirm', {
          body: { channel, code: code.trim() },
        })
      ).data!,
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.me, updated);
      announce(`Listo: ${WHAT[channel]} quedó verificado. Le avisaremos ahí de cada operación.`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };
  const label = channel === 'email' ? SHARED_TEXT.emailLabel : 'Celular';

  return (
    <div className="verify">
      <p className="verify-head">
        <span>{label}</span>
        {verified ? (
          <Badge tone="success">Verificado</Badge>
        ) : (
          <Badge tone="warning">Sin verificar</Badge>
        )}
      </p>
      {!verified && (
        <>
          <p className="hint">
            Sin verificar no le enviamos avisos a {WHAT[channel]}. Le mandamos un código de 6
            dígitos.
          </p>
          {send.isError && <ProblemAlert error={send.error} />}
          {send.isSuccess ? (
            <form className="form verify-form" onSubmit={submit} noValidate>
              <p className="hint" role="status">
                Enviamos un código a {send.data.destination}. Vence a las{' '}
                {formatTime(send.data.expiresAt)}.
              </p>
              <TextField
                label="Código de verificación"
                name={`code-${channel}`}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={code}
                onChange={(event) => setCode(event.target.value)}
                error={fieldErrors(confirm.error).code}
              />
              {confirm.isError && <ProblemAlert error={confirm.error} />}
              <div className="form-actions">
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => send.mutate()}
                  disabled={send.isPending}
                >
                  Enviar otro
                </button>
                <button type="submit" className="button" disabled={confirm.isPending}>
                  {confirm.isPending ? 'Verificando…' : 'Verificar'}
                </button>
              </div>
            </form>
          ) : (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => send.mutate()}
              disabled={send.isPending}
            >
              {send.isPending ? 'Enviando…' : `Enviarme un código`}
              <span className="visually-hidden"> a {WHAT[channel]}</span>
            </button>
          )}
        </>
      )}
    </div>
  );
}
