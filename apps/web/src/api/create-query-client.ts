import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { problemOf } from './problems.js';
import type { ServiceStatus } from './service-status.js';

/**
 * Queries retry only what may pass on a second try (no answer, 5xx) and never a 4xx; every
 * outcome feeds the service banner. Mutations never retry by themselves: money moves only when
 * a person asks.
 */
export function createQueryClient(status: ServiceStatus): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: status.report, onSuccess: status.clear }),
    mutationCache: new MutationCache({ onError: status.report, onSuccess: status.clear }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (failures, error) => {
          const problem = problemOf(error);
          const transient = problem !== null && (problem.status === 0 || problem.status >= 500);
          return transient && failures < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
