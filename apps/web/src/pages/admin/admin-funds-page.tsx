import type { Fund } from '@btg-funds/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFunds } from '../../api/queries.js';
import { queryKeys } from '../../api/query-keys.js';
import { CATEGORY_LABEL, label } from '../../lib/labels.js';
import { useSession } from '../../session/session-context.js';
import { useAnnounce } from '../../ui/announcer.js';
import { Badge } from '../../ui/badge.js';
import { EmptyState } from '../../ui/empty-state.js';
import { Loading } from '../../ui/loading.js';
import { Money } from '../../ui/money.js';
import { Page } from '../../ui/page.js';
import { ProblemAlert } from '../../ui/problem-alert.js';
import { FundFormDialog } from './fund-form-dialog.js';
import { FundName } from '../../ui/fund-name.js';

type Editing = { readonly kind: 'create' } | { readonly kind: 'edit'; readonly fund: Fund } | null;

/** Fondos (admin): create, rename, change the minimum, open or close a fund to subscriptions. */
export function AdminFundsPage() {
  const { btg } = useSession();
  const funds = useFunds();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [editing, setEditing] = useState<Editing>(null);
  const toggle = useMutation({
    mutationFn: async (fund: Fund) => {
      const { data } = await btg.api.PATCH('/api/v1/funds/{fundId}', {
        params: { path: { fundId: fund.id } },
        body: { active: !fund.active },
      });
      return data!;
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.funds });
      announce(
        saved.active
          ? `El fondo ${saved.name} está activo.`
          : `El fondo ${saved.name} quedó inactivo: no recibe suscripciones nuevas.`,
      );
    },
  });

  return (
    <Page
      title="Fondos"
      lead="Administre el catálogo de fondos que ven los clientes."
      actions={
        <button type="button" className="button" onClick={() => setEditing({ kind: 'create' })}>
          Crear fondo
        </button>
      }
    >
      {toggle.isError && <ProblemAlert error={toggle.error} />}
      <section className="card" aria-label="Catálogo de fondos">
        {funds.isPending ? (
          <Loading lines={5} label="Cargando fondos…" />
        ) : funds.isError ? (
          <ProblemAlert error={funds.error} />
        ) : funds.data.length === 0 ? (
          <EmptyState title="Aún no hay fondos" />
        ) : (
          <ul className="admin-funds">
            {funds.data.map((fund) => (
              <li key={fund.id} className="admin-fund">
                <div className="admin-fund-main">
                  <p className="person-name">
                    <FundName name={fund.name} />
                    <Badge tone={fund.active ? 'success' : 'warning'}>
                      {fund.active ? 'Activo' : 'Inactivo'}
                    </Badge>
                  </p>
                  <p className="movement-meta">
                    Id {fund.id} · {label(CATEGORY_LABEL, fund.category)} · mínimo{' '}
                    <Money value={fund.minimumAmount} />
                  </p>
                </div>
                <div className="admin-fund-actions">
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => setEditing({ kind: 'edit', fund })}
                  >
                    Editar<span className="visually-hidden"> {fund.name}</span>
                  </button>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={toggle.isPending && toggle.variables.id === fund.id}
                    onClick={() => toggle.mutate(fund)}
                  >
                    {fund.active ? 'Desactivar' : 'Activar'}
                    <span className="visually-hidden"> {fund.name}</span>
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      {editing !== null && (
        <FundFormDialog
          {...(editing.kind === 'edit' && { fund: editing.fund })}
          onClose={() => setEditing(null)}
        />
      )}
    </Page>
  );
}
