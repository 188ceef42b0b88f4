import type { TransactionSnapshot } from '@btg-funds/domain';
import { transactionNotFound } from '../application-errors.js';
import type { Ledger } from '../ports/index.js';

export class GetTransaction {
  constructor(private readonly ledger: Ledger) {}

  async execute(input: { clientId: string; transactionId: string }): Promise<TransactionSnapshot> {
    const record = await this.ledger.findByTransactionId(input.clientId, input.transactionId);
    if (record === null) throw transactionNotFound(input.transactionId);
    return record.transaction;
  }
}
