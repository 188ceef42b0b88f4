import type { ClientProfile } from '@btg-funds/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrors } from '../api/problems.js';
import { useMe } from '../api/queries.js';
import { queryKeys } from '../api/query-keys.js';
import { formatDate } from '../lib/dates.js';
import { label, ROLE_LABEL, SHARED_TEXT } from '../lib/labels.js';
import { useSession } from '../session/session-context.js';
import { useAnnounce } from '../ui/announcer.js';
import { RadioGroup, TextField } from '../ui/field.js';
import { Loading } from '../ui/loading.js';
import { Page } from '../ui/page.js';
import { ProblemAlert } from '../ui/problem-alert.js';
import { checkPhone } from './profile-checks.js';
import { VerifyDestination } from './profile/verify-destination.js';

function ProfileForm({ profile }: { readonly profile: ClientProfile }) {
  const { btg } = useSession();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [fullName, setFullName] = useState(profile.fullName);
  const [phone, setPhone] = useState(profile.phone ?? '');
  const [preference, setPreference] = useState(profile.notificationPreference);
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: async () => {
      const { data } = await btg.api.PATCH('/api/v1/me', {
        body: {
          fullName: fullName.trim(),
          phone: phone.trim() === '' ? null : phone.trim(),
          notificationPreference: preference,
        },
      });
      return data!;
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.me, updated);
      announce('Guardamos los cambios de su perfil.');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (fullName.trim() === '') errors.fullName = SHARED_TEXT.fullNameRequired;
    const phoneProblem = checkPhone(phone, preference);
    if (phoneProblem !== null) errors.phone = phoneProblem;
    setLocal(errors);
    if (Object.keys(errors).length === 0) save.mutate();
  };
  const server = fieldErrors(save.error);
  const error = (field: string) => local[field] ?? server[field];
  return (
    <form className="form card profile-form" onSubmit={submit} noValidate>
      {save.isError && <ProblemAlert error={save.error} />}
      <TextField
        label="Nombre completo"
        name="fullName"
        autoComplete="name"
        value={fullName}
        onChange={(event) => setFullName(event.target.value)}
        error={error('fullName')}
      />
      <TextField
        label="Celular"
        name="phone"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        hint="Con indicativo del país, por ejemplo +573001234567. Déjelo vacío para borrarlo."
        value={phone}
        onChange={(event) => setPhone(event.target.value)}
        error={error('phone')}
      />
      <RadioGroup
        legend="Recibir avisos por"
        name="notificationPreference"
        value={preference}
        onChange={(value) => setPreference(value === 'sms' ? 'sms' : 'email')}
        choices={[
          { value: 'email', label: SHARED_TEXT.emailLabel },
          { value: 'sms', label: 'SMS (necesita celular)' },
        ]}
        error={error('notificationPreference')}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? 'Guardando…' : 'Guardar cambios'}
        </button>
      </div>
    </form>
  );
}

/** Mi perfil: name, phone and how to be notified (SMS needs a phone). */
export function ProfilePage() {
  const me = useMe();
  return (
    <Page title="Mi perfil" lead="Sus datos de contacto y cómo quiere recibir los avisos.">
      {me.isPending ? (
        <Loading lines={4} />
      ) : me.isError ? (
        <ProblemAlert error={me.error} />
      ) : (
        <div className="profile-grid">
          <ProfileForm profile={me.data} />
          <section className="card" aria-labelledby="cuenta">
            <h2 id="cuenta">Su cuenta</h2>
            <VerifyDestination channel="email" profile={me.data} />
            {me.data.phone !== null && <VerifyDestination channel="sms" profile={me.data} />}
            <dl className="details details-compact">
              <div>
                <dt>{SHARED_TEXT.emailLabel}</dt>
                <dd className="break">{me.data.email}</dd>
              </div>
              <div>
                <dt>Tipo de usuario</dt>
                <dd>{label(ROLE_LABEL, me.data.role)}</dd>
              </div>
              <div>
                <dt>Cliente desde</dt>
                <dd>{formatDate(me.data.createdAt)}</dd>
              </div>
            </dl>
          </section>
        </div>
      )}
    </Page>
  );
}
