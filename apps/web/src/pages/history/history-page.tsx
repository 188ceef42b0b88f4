import { useNavigate, useSearch } from '@tanstack/react-router';
import { useFunds, useTransactions, type HistoryFilters } from '../../api/queries.js';
import { EmptyState } from '../../ui/empty-state.js';
import { SelectField } from '../../ui/field.js';
import { Loading } from '../../ui/loading.js';
import { Page } from '../../ui/page.js';
import { ProblemAlert } from '../../ui/problem-alert.js';
import { countText, LoadMore } from '../../ui/load-more.js';
import { TransactionList } from './transaction-list.js';
import { SHARED_TEXT } from '../../lib/labels.js';

export interface HistorySearch {
  readonly tipo?: 'subscription' | 'cancellation' | undefined;
  readonly fondo?: string | undefined;
  readonly estado?: 'completed' | 'failed' | undefined;
}

/** The URL's filters, read defensively: a hand-edited link never breaks the screen. */
export function validateHistorySearch(search: Record<string, unknown>): HistorySearch {
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const tipo = text(search.tipo);
  const estado = text(search.estado);
  const fondo = text(search.fondo);
  return {
    tipo: tipo === 'subscription' || tipo === 'cancellation' ? tipo : undefined,
    estado: estado === 'completed' || estado === 'failed' ? estado : undefined,
    fondo: fondo !== undefined && /^[A-Za-z0-9_-]{1,64}$/.test(fondo) ? fondo : undefined,
  };
}

/** Historial: every movement, newest first, filtered by the URL (shareable, survives a reload). */
export function HistoryPage() {
  const search = useSearch({ from: '/auth/historial' });
  const navigate = useNavigate({ from: '/historial' });
  const funds = useFunds();
  const filters: HistoryFilters = {
    type: search.tipo,
    fundId: search.fondo,
    status: search.estado,
  };
  const history = useTransactions(filters);
  const setFilter = (key: keyof HistorySearch) => (value: string) =>
    void navigate({
      search: (previous) => ({ ...previous, [key]: value === '' ? undefined : value }),
    });
  const filtered =
    search.tipo !== undefined || search.fondo !== undefined || search.estado !== undefined;
  const items = history.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Page
      title="Historial"
      lead="Todas sus suscripciones y cancelaciones, también los intentos que no se completaron."
    >
      <form
        className="filters card"
        aria-label="Filtros del historial"
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          label="Tipo"
          name="tipo"
          value={search.tipo ?? ''}
          onChange={setFilter('tipo')}
          options={[
            { value: '', label: 'Todos' },
            { value: 'subscription', label: 'Suscripción' },
            { value: 'cancellation', label: 'Cancelación' },
          ]}
        />
        <SelectField
          label="Fondo"
          name="fondo"
          value={search.fondo ?? ''}
          onChange={setFilter('fondo')}
          options={[
            { value: '', label: 'Todos' },
            ...(funds.data ?? []).map((fund) => ({ value: fund.id, label: fund.name })),
          ]}
        />
        <SelectField
          label="Estado"
          name="estado"
          value={search.estado ?? ''}
          onChange={setFilter('estado')}
          options={[
            { value: '', label: 'Todos' },
            { value: 'completed', label: 'Completada' },
            { value: 'failed', label: 'Fallida' },
          ]}
        />
        {filtered && (
          <button
            type="button"
            className="button button-secondary filters-clear"
            onClick={() => void navigate({ search: {} })}
          >
            Quitar filtros
          </button>
        )}
      </form>

      <section className="card" aria-label="Movimientos">
        {history.isPending ? (
          <Loading lines={5} label="Cargando movimientos…" />
        ) : history.isError ? (
          <ProblemAlert error={history.error} />
        ) : items.length === 0 ? (
          <EmptyState
            title={
              filtered ? 'No hay movimientos con estos filtros' : SHARED_TEXT.noTransactionsYet
            }
          >
            {filtered
              ? 'Cambie o quite los filtros para ver más.'
              : 'Sus suscripciones y cancelaciones aparecerán aquí.'}
          </EmptyState>
        ) : (
          <>
            <TransactionList items={items} />
            <LoadMore
              query={history}
              summary={countText(items.length, 'movimiento', 'movimientos')}
            />
          </>
        )}
      </section>
    </Page>
  );
}
