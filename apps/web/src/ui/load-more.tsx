import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import { ProblemAlert } from './problem-alert.js';

/** Cursor pagination: "Ver más" fetches the next page; the count says how many are shown. */
export function LoadMore({
  query,
  summary,
}: {
  readonly query: Pick<
    UseInfiniteQueryResult,
    'hasNextPage' | 'fetchNextPage' | 'isFetchingNextPage' | 'isFetchNextPageError' | 'error'
  >;
  /** e.g. "Se muestran 20 movimientos." */
  readonly summary: string;
}) {
  return (
    <div className="load-more">
      {query.isFetchNextPageError && <ProblemAlert error={query.error} />}
      <p className="hint" aria-live="polite">
        {summary}
      </p>
      {query.hasNextPage && (
        <button
          type="button"
          className="button button-secondary"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? 'Cargando…' : 'Ver más'}
        </button>
      )}
    </div>
  );
}

export function countText(count: number, one: string, many: string): string {
  return count === 1 ? `Se muestra 1 ${one}.` : `Se muestran ${count} ${many}.`;
}
