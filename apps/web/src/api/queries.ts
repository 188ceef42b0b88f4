import { unwrap, type ClientProfile, type Notification } from '@btg-funds/client';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useBtg, useSession } from '../session/session-context.js';
import { queryKeys } from './query-keys.js';

export interface HistoryFilters {
  readonly type?: 'subscription' | 'cancellation' | undefined;
  readonly fundId?: string | undefined;
  readonly status?: 'completed' | 'failed' | undefined;
}

const PAGE_SIZE = 20;

/** Drops unset filters: the query string carries only what the person chose. */
function defined(filters: HistoryFilters) {
  return {
    ...(filters.type !== undefined && { type: filters.type }),
    ...(filters.fundId !== undefined && { fundId: filters.fundId }),
    ...(filters.status !== undefined && { status: filters.status }),
  };
}

export function useMe() {
  const { btg, signedIn } = useSession();
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => unwrap(btg.api.GET('/api/v1/me', { signal })),
    enabled: signedIn,
  });
}

/** The signed-in person, once known (null while loading). */
export function useProfile(): ClientProfile | null {
  return useMe().data ?? null;
}

export function useFunds() {
  const btg = useBtg();
  return useQuery({
    queryKey: queryKeys.funds,
    queryFn: ({ signal }) => unwrap(btg.api.GET('/api/v1/funds', { signal })),
    select: (page) => page.items,
  });
}

/** The active subscriptions: one per fund at most, so one page of 100 holds them all. */
export function useSubscriptions() {
  const btg = useBtg();
  return useQuery({
    queryKey: [...queryKeys.subscriptions, 'active'],
    queryFn: ({ signal }) =>
      unwrap(
        btg.api.GET('/api/v1/subscriptions', {
          params: { query: { status: 'active', limit: 100 } },
          signal,
        }),
      ),
    select: (page) => page.items,
  });
}

/** Cancelled subscriptions grow without bound: a page at a time ("Ver más"). */
export function useCancelledSubscriptions() {
  const btg = useBtg();
  return useInfiniteQuery({
    queryKey: [...queryKeys.subscriptions, 'cancelled'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        btg.api.GET('/api/v1/subscriptions', {
          params: {
            query: {
              status: 'cancelled',
              limit: PAGE_SIZE,
              ...(pageParam !== undefined && { cursor: pageParam }),
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useTransactions(filters: HistoryFilters, limit = PAGE_SIZE) {
  const btg = useBtg();
  return useInfiniteQuery({
    queryKey: queryKeys.transactionList({ ...filters, limit }),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        btg.api.GET('/api/v1/transactions', {
          params: {
            query: {
              ...defined(filters),
              limit,
              ...(pageParam !== undefined && { cursor: pageParam }),
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useTransaction(id: string) {
  const btg = useBtg();
  return useQuery({
    queryKey: queryKeys.transaction(id),
    queryFn: ({ signal }) =>
      unwrap(btg.api.GET('/api/v1/transactions/{id}', { params: { path: { id } }, signal })),
  });
}

const POLL_WHILE_PENDING_MS = 2_000;

/** Refreshes by itself while any notification is still pending (the outbox sends them). */
export function useNotifications() {
  const btg = useBtg();
  return useQuery({
    queryKey: queryKeys.notifications,
    queryFn: ({ signal }) => unwrap(btg.api.GET('/api/v1/notifications', { signal })),
    select: (page) => page.items,
    refetchInterval: (query) =>
      (query.state.data?.items ?? []).some((item: Notification) => item.status === 'pending')
        ? POLL_WHILE_PENDING_MS
        : false,
  });
}

export function useAdminClients() {
  const btg = useBtg();
  return useInfiniteQuery({
    queryKey: queryKeys.adminClients,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        btg.api.GET('/api/v1/admin/clients', {
          params: {
            query: { limit: PAGE_SIZE, ...(pageParam !== undefined && { cursor: pageParam }) },
          },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useAdminClient(id: string) {
  const btg = useBtg();
  return useQuery({
    queryKey: queryKeys.adminClient(id),
    queryFn: ({ signal }) =>
      unwrap(btg.api.GET('/api/v1/admin/clients/{id}', { params: { path: { id } }, signal })),
  });
}

export function useAdminClientTransactions(id: string) {
  const btg = useBtg();
  return useInfiniteQuery({
    queryKey: queryKeys.adminClientTransactions(id),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        btg.api.GET('/api/v1/admin/clients/{id}/transactions', {
          params: {
            path: { id },
            query: { limit: PAGE_SIZE, ...(pageParam !== undefined && { cursor: pageParam }) },
          },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
