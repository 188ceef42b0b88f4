import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useMe } from '../api/queries.js';
import { Loading } from '../ui/loading.js';
import { Page } from '../ui/page.js';
import { ProblemAlert } from '../ui/problem-alert.js';

export function NotAuthorized() {
  return (
    <Page title="No autorizado">
      <div className="card">
        <p>Su usuario no tiene permiso para ver esta página.</p>
        <p>
          <Link to="/" className="button">
            Ir al inicio
          </Link>
        </p>
      </div>
    </Page>
  );
}

/** Shows the screen only to the role it is for; anyone else reads "No autorizado". */
export function RequireRole({
  allowed,
  children,
}: {
  readonly allowed: 'client' | 'admin';
  readonly children: ReactNode;
}) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ProblemAlert error={me.error} />;
  if (me.data.role !== allowed) return <NotAuthorized />;
  return children;
}
