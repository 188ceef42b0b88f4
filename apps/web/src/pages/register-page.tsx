import { Link, useNavigate } from '@tanstack/react-router';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrors } from '../api/problems.js';
import { useSession } from '../session/session-context.js';
import { RadioGroup, TextField } from '../ui/field.js';
import { Page } from '../ui/page.js';
import { ProblemAlert } from '../ui/problem-alert.js';
import { checkPassword, checkPhone } from './profile-checks.js';
import { SHARED_TEXT } from '../lib/labels.js';

/** Creates the account, then signs in with what was just typed: nobody types it twice. */
export function RegisterPage() {
  const { btg, signIn } = useSession();
  const navigate = useNavigate();
  const [form, setForm] = useState({ fullName: '', email: '', password: '', phone: '' });
  const [preference, setPreference] = useState<'email' | 'sms'>('email');
  const [local, setLocal] = useState<Record<string, string>>({});
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((previous) => ({ ...previous, [field]: event.target.value }));

  const register = useMutation({
    mutationFn: async () => {
      const email = form.email.trim();
      const phone = form.phone.trim();
      await btg.api.POST('/api/v1/auth/register', {
        body: {
          email,
          password: form.password,
          fullName: form.fullName.trim(),
          notificationPreference: preference,
          ...(phone !== '' && { phone }),
        },
      });
      await signIn({ email, password: form.password });
    },
    onSuccess: () => navigate({ to: '/', replace: true }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (form.fullName.trim() === '') errors.fullName = SHARED_TEXT.fullNameRequired;
    if (form.email.trim() === '') errors.email = SHARED_TEXT.emailRequired;
    const password = checkPassword(form.password);
    if (password !== null) errors.password = password;
    const phone = checkPhone(form.phone, preference);
    if (phone !== null) errors.phone = phone;
    setLocal(errors);
    if (Object.keys(errors).length === 0) register.mutate();
  };
  const server = fieldErrors(register.error);
  const error = (field: string) => local[field] ?? server[field];

  return (
    <div className="auth-layout">
      <section className="auth-intro" aria-label="Beneficios">
        <p className="auth-kicker">BTG Pactual</p>
        <p className="auth-claim">Abra su cuenta en un minuto.</p>
        <p>Empieza con un saldo de $ 500.000 para invertir en nuestros fondos.</p>
      </section>
      <div className="card auth-card">
        <Page title="Crear cuenta" lead="Todos los campos son obligatorios salvo el celular.">
          {register.isError && <ProblemAlert error={register.error} />}
          <form className="form" onSubmit={submit} noValidate>
            <TextField
              label="Nombre completo"
              name="fullName"
              autoComplete="name"
              value={form.fullName}
              onChange={set('fullName')}
              error={error('fullName')}
              required
            />
            <TextField
              label={SHARED_TEXT.emailLabel}
              name="email"
              type="email"
              autoComplete="email"
              value={form.email}
              onChange={set('email')}
              error={error('email')}
              required
            />
            <TextField
              label="Contraseña"
              name="password"
              type="password"
              autoComplete="new-password"
              hint="Entre 12 y 128 caracteres. Una frase que recuerde es una buena opción."
              value={form.password}
              onChange={set('password')}
              error={error('password')}
              required
            />
            <TextField
              label="Celular (opcional)"
              name="phone"
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              hint="Con indicativo del país, por ejemplo +573001234567. Necesario para avisos por SMS."
              value={form.phone}
              onChange={set('phone')}
              error={error('phone')}
            />
            <RadioGroup
              legend="¿Cómo quiere recibir los avisos de sus operaciones?"
              name="notificationPreference"
              value={preference}
              onChange={(value) => setPreference(value === 'sms' ? 'sms' : 'email')}
              choices={[
                { value: 'email', label: SHARED_TEXT.emailLabel },
                { value: 'sms', label: 'SMS' },
              ]}
              error={error('notificationPreference')}
            />
            <button type="submit" className="button button-block" disabled={register.isPending}>
              {register.isPending ? 'Creando su cuenta…' : 'Crear cuenta'}
            </button>
          </form>
          <p className="auth-switch">
            ¿Ya tiene cuenta? <Link to="/ingresar">Ingresar</Link>
          </p>
        </Page>
      </div>
    </div>
  );
}
