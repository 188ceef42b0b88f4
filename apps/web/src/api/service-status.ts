import { problemOf } from './problems.js';

export interface ServiceOutage {
  /** Seconds the server asked us to wait (Retry-After), when it said. */
  readonly retryAfter: number | null;
  /** True when no answer came at all (network), false for a 503. */
  readonly unreachable: boolean;
  readonly since: number;
}

type Listener = () => void;

/**
 * Whether the service answered "unavailable" (503) or not at all, fed by every query and
 * mutation; the next success clears it. The banner reads it with useSyncExternalStore.
 */
export function createServiceStatus() {
  let outage: ServiceOutage | null = null;
  const listeners = new Set<Listener>();
  const set = (next: ServiceOutage | null) => {
    outage = next;
    for (const listener of [...listeners]) listener();
  };
  return {
    get: () => outage,
    subscribe: (listener: Listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    report: (error: unknown) => {
      const problem = problemOf(error);
      if (problem === null) return;
      if (problem.status === 503 || problem.status === 0) {
        set({
          retryAfter: problem.retryAfter,
          unreachable: problem.status === 0,
          since: Date.now(),
        });
      }
    },
    clear: () => {
      if (outage !== null) set(null);
    },
  };
}

export type ServiceStatus = ReturnType<typeof createServiceStatus>;
