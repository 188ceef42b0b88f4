import type { NotificationRecord, NotificationStore } from '../ports/index.js';

/** GET /notifications: the caller's last 100 notifications, newest first. */
export class ListNotifications {
  constructor(private readonly store: NotificationStore) {}

  execute(input: { clientId: string }): Promise<readonly NotificationRecord[]> {
    return this.store.listByClient(input.clientId, 100);
  }
}
