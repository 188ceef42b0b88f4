import type { TransactionSnapshot } from '@btg-funds/domain';
import { clientNotFound } from '../application-errors.js';
import type { ClientRepository } from '../ports/index.js';
import type { Page } from '../shared/page.js';
import type { ListTransactions, ListTransactionsInput } from './list-transactions.js';

/**
 * GET /admin/clients/{id}/transactions: a client's history, or 404 for an unknown client rather
 * than an empty page that looks like a real one. Existence needs the client document alone (not
 * the profile, whose balance costs the ledger head and a probe); both reads are keyed by the id,
 * so they go out together: one storage wait (ADR 0715).
 */
export class ListClientTransactions {
  constructor(
    private readonly clients: ClientRepository,
    private readonly history: Pick<ListTransactions, 'execute'>,
  ) {}

  async execute(input: ListTransactionsInput): Promise<Page<TransactionSnapshot>> {
    const [record, page] = await Promise.allSettled([
      this.clients.findById(input.clientId),
      this.history.execute(input),
    ]);
    if (record.status === 'rejected') throw record.reason;
    // Checked first, as when the profile was read before the page: an unknown client is a 404
    // whatever its query (a bad cursor included).
    if (record.value === null) throw clientNotFound();
    if (page.status === 'rejected') throw page.reason;
    return page.value;
  }
}
