/**
 * Breaks the cycle Outbox → dispatcher → use cases → Outbox: the outbox rings, the
 * dispatcher listens. Ringing with nobody listening is harmless (the interval still runs).
 */
export class WakeSignal {
  private listener: (() => void) | undefined;

  wake = (): void => {
    this.listener?.();
  };

  listen(listener: () => void): void {
    this.listener = listener;
  }
}
