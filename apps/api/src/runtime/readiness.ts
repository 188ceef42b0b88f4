import type { ReadinessReport } from '@btg-funds/adapters-http';
import type { AppStorage } from './app-storage.js';

const CHECK_TIMEOUT_MS = 1_500;

export interface ReadinessDeps {
  readonly storage: Pick<AppStorage, 'ping' | 'notifications'>;
  /** When the dispatcher last completed a tick. */
  readonly lastDispatchAt: () => Date;
  readonly stuckAfterMs: number;
  readonly now?: () => Date;
}

/**
 * GET /health/ready (ADR 0603). Ready means: storage answers, no pending notification is
 * overdue by more than `stuckAfterMs` (its send time passed and nobody picked it up), and the
 * dispatcher completed a tick within that window. Each check has its own deadline, so the
 * answer names the one that failed instead of timing out as a whole.
 */
export function readinessChecks(deps: ReadinessDeps): () => Promise<ReadinessReport> {
  const now = deps.now ?? (() => new Date());
  return async () => {
    const cutoff = new Date(now().getTime() - deps.stuckAfterMs);
    const [storage, outbox] = await Promise.all([
      check(() => deps.storage.ping()),
      // Failed only on an answer that shows an overdue notification. A query that could not
      // answer in time (a busy pool) proves nothing about the outbox, and reachability is the
      // storage check's job: counting it here made readiness flap after a stall (ADR 0603).
      check(
        async () => {
          const overdue = await deps.storage.notifications.due(cutoff, 1);
          if (overdue.length > 0) throw new OverdueNotification();
        },
        (error) => !(error instanceof OverdueNotification),
      ),
    ]);
    return { storage, outbox, dispatcher: deps.lastDispatchAt() >= cutoff };
  };
}

class OverdueNotification extends Error {}

/** True when `probe` resolves in time; on an error or a timeout, what `onFailure` says. */
async function check(
  probe: () => Promise<void>,
  onFailure: (error: unknown) => boolean = () => false,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(onFailure(new Error('timed out'))), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([probe().then(() => true, onFailure), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
