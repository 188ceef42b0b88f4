import type { NotificationRecord, NotificationStore } from '../ports/index.js';

/** How many notifications GET /notifications shows; stores may forget delivered older ones. */
export const NOTIFICATIONS_SHOWN = 100;

/** GET /notifications: the caller's last 100 notifications, newest first. */
export class ListNotifications {
  constructor(private readonly store: NotificationStore) {}

  execute(input: { clientId: string }): Promise<readonly NotificationRecord[]> {
    return this.store.listByClient(input.clientId, NOTIFICATIONS_SHOWN);
  }
}
