import type { TransactionSnapshot } from '@btg-funds/domain';
import type { Ledger, TransactionFilter } from '../ports/index.js';
import { checkLimit, decodeCursor, encodeCursor, type Page } from '../shared/page.js';

export interface ListTransactionsInput extends TransactionFilter {
  readonly clientId: string;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/** A client's history, newest first, keyset-paginated on the ledger position. */
export class ListTransactions {
  constructor(private readonly ledger: Ledger) {}

  async execute(input: ListTransactionsInput): Promise<Page<TransactionSnapshot>> {
    const limit = checkLimit(input.limit);
    const beforeSeq =
      input.cursor === undefined ? undefined : decodeCursor(input.cursor, parseSeqCursor);
    const records = await this.ledger.list(
      input.clientId,
      { type: input.type, fundId: input.fundId, status: input.status },
      { limit: limit + 1, beforeSeq },
    );
    const page = records.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => r.transaction),
      nextCursor:
        records.length > limit && last !== undefined ? encodeCursor({ s: last.seq }) : null,
    };
  }
}

function parseSeqCursor(value: unknown): number | null {
  const seq = (value as { s?: unknown } | null)?.s;
  return typeof seq === 'number' && Number.isSafeInteger(seq) && seq > 0 ? seq : null;
}
