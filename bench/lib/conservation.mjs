// After the load: for every account the bench used, balance + Σ active subscriptions must still
// be exactly the initial COP 500.000 (docs/product/rules.md, "Conservation"), and the balance never negative.
import { ApiClient, formatCents, INITIAL_BALANCE_CENTS, mapLimit } from './api.mjs';

export async function auditConservation(baseUrl, accounts) {
  const api = new ApiClient(baseUrl);
  const rows = await mapLimit(accounts, 8, async (account) => ({
    email: account.email,
    ...(await api.holdings(account.token)),
  }));
  const broken = rows
    .filter((r) => r.total !== INITIAL_BALANCE_CENTS || r.balance < 0)
    .map((r) => ({
      ...r,
      balance: formatCents(r.balance),
      invested: formatCents(r.invested),
      total: formatCents(r.total),
    }));
  return {
    accounts: rows.length,
    ok: broken.length === 0,
    activeSubscriptions: rows.reduce((n, r) => n + r.activeCount, 0),
    broken,
  };
}
