import { Account, Money, type LedgerEntry } from '@btg-funds/domain';

/** This product opens every account with COP 500.000 (docs/product/rules.md, "Accounts"). */
export const OPENING_BALANCE: Money = Money.parse('500000');

/**
 * The client's account: rebuilt from its latest ledger entry (which records the balance it was
 * opened with, and is checked), or a new one with this product's opening balance.
 */
export function accountOf(clientId: string, latest: LedgerEntry | null): Account {
  return latest === null
    ? Account.open(clientId, { openingBalance: OPENING_BALANCE })
    : Account.fromLatestEntry(latest);
}
