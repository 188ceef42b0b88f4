import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrors } from '../api/problems.js';
import { useSession } from '../session/session-context.js';
import { TextField } from '../ui/field.js';
import { Page } from '../ui/page.js';
import { ProblemAlert } from '../ui/problem-alert.js';
import { SHARED_TEXT } from '../lib/labels.js';

/** Only same-app paths are followed after sign-in (no open redirect to another site). */
export function safeNext(next: string | undefined): string {
  return next !== undefined && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { signIn, notice, clearNotice } = useSession();
  const { next } = useSearch({ from: '/ingresar' });
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const login = useMutation({
    mutationFn: () => signIn({ email: email.trim(), password }),
    onSuccess: () => navigate({ href: safeNext(next), replace: true }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (email.trim() === '') errors.email = SHARED_TEXT.emailRequired;
    if (password === '') errors.password = 'Escriba su contraseña.';
    setMissing(errors);
    if (Object.keys(errors).length === 0) login.mutate();
  };
  const server = fieldErrors(login.error);

  return (
    <div className="auth-layout">
      <section className="auth-intro" aria-label="BTG Pactual Fondos">
        <p className="auth-kicker">BTG Pactual</p>
        <p className="auth-claim">Sus fondos de inversión, a su manera.</p>
        <p>Suscríbase, cancele y consulte sus movimientos sin contactar a un asesor.</p>
      </section>
      <div className="card auth-card">
        <Page title="Ingresar" lead="Use el correo y la contraseña de su cuenta.">
          {notice !== null && (
            <div className="alert alert-info" role="status">
              <p>{notice}</p>
            </div>
          )}
          {login.isError && <ProblemAlert error={login.error} />}
          <form className="form" onSubmit={submit} noValidate>
            <TextField
              label={SHARED_TEXT.emailLabel}
              name="email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(event) => {
                setEmail(event.target.value);
                clearNotice();
              }}
              error={missing.email ?? server.email}
              required
            />
            <TextField
              label="Contraseña"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={missing.password ?? server.password}
              required
            />
            <button type="submit" className="button button-block" disabled={login.isPending}>
              {login.isPending ? 'Ingresando…' : 'Ingresar'}
            </button>
          </form>
          <p className="auth-switch">
            ¿Aún no tiene cuenta? <Link to="/crear-cuenta">Crear cuenta</Link>
          </p>
        </Page>
      </div>
    </div>
  );
}
