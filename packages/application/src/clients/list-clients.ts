import type { ClientRepository, Ledger } from '../ports/index.js';
import { checkLimit, decodeCursor, encodeCursor, type Page } from '../shared/page.js';
import { profileFrom, type ClientProfile } from './client-profile.js';

/** GET /admin/clients: every client, oldest first, keyset-paginated; two reads per page. */
export class ListClients {
  constructor(
    private readonly clients: ClientRepository,
    private readonly ledger: Ledger,
  ) {}

  async execute(input: {
    limit?: number | undefined;
    cursor?: string | undefined;
  }): Promise<Page<ClientProfile>> {
    const limit = checkLimit(input.limit);
    const after =
      input.cursor === undefined ? undefined : decodeCursor(input.cursor, parseClientCursor);
    const records = await this.clients.list({ limit: limit + 1, after });
    const page = records.slice(0, limit);
    const last = page.at(-1)?.client;
    // One batch read for the whole page: a read per listed client made the page cost grow with
    // its size (503 after 10 s at ~190 clients on FerretDB, issue 11).
    const latest = await this.ledger.latestOf(page.map(({ client }) => client.id));
    return {
      items: page.map((record) => profileFrom(record, latest.get(record.client.id) ?? null)),
      nextCursor:
        records.length > limit && last !== undefined
          ? encodeCursor({ t: last.toSnapshot().createdAt.getTime(), i: last.id })
          : null,
    };
  }
}

function parseClientCursor(value: unknown): { createdAt: Date; id: string } | null {
  const { t, i } = (value ?? {}) as { t?: unknown; i?: unknown };
  if (typeof t !== 'number' || !Number.isSafeInteger(t) || typeof i !== 'string') return null;
  return { createdAt: new Date(t), id: i };
}
