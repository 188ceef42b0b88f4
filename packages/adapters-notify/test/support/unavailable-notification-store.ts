import type { NotificationStore } from '@btg-funds/application';

/** The notification store as seen by a process that dies right after the ledger append. */
export class UnavailableNotificationStore implements NotificationStore {
  private fail(): Promise<never> {
    return Promise.reject(new Error('process died before the outbox write'));
  }
  ensure = () => this.fail();
  due = () => this.fail();
  claimAttempt = () => this.fail();
  knownTransactionIds = () => this.fail();
  recoveryCheckpoint = () => this.fail();
  advanceRecoveryCheckpoint = () => this.fail();
  update = () => this.fail();
  listByClient = () => this.fail();
  findByTransactionId = () => this.fail();
  countByStatus = () => this.fail();
}
