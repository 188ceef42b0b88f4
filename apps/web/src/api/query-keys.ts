/** Query keys in one place, so a money operation can invalidate exactly what it changed. */
export const queryKeys = {
  me: ['me'] as const,
  funds: ['funds'] as const,
  subscriptions: ['subscriptions'] as const,
  transactions: ['transactions'] as const,
  transactionList: (filters: object) => ['transactions', 'list', filters] as const,
  transaction: (id: string) => ['transactions', 'one', id] as const,
  notifications: ['notifications'] as const,
  adminClients: ['admin', 'clients'] as const,
  adminClient: (id: string) => ['admin', 'clients', id] as const,
  adminClientTransactions: (id: string) => ['admin', 'clients', id, 'transactions'] as const,
};

/** Everything a subscribe or cancel changes: balance, subscriptions, history, notifications. */
export const AFTER_MONEY_MOVED = [
  queryKeys.me,
  queryKeys.subscriptions,
  queryKeys.transactions,
  queryKeys.notifications,
] as const;
