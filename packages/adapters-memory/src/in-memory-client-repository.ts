import {
  DuplicateEmail,
  NotFound,
  type ClientRecord,
  type ClientRepository,
} from '@btg-funds/application';
import { Client, type NotificationChannel } from '@btg-funds/domain';
import { eventLoopTurn, type StorageTurn } from './storage-turn.js';

export class InMemoryClientRepository implements ClientRepository {
  constructor(private readonly turn: StorageTurn = eventLoopTurn) {}

  private readonly byId = new Map<string, ClientRecord>();
  private readonly idByEmail = new Map<string, string>();

  async add(record: ClientRecord): Promise<void> {
    await this.turn();
    const { client } = record;
    if (this.idByEmail.has(client.email) || this.byId.has(client.id)) throw new DuplicateEmail();
    this.byId.set(client.id, { client: record.client, auth: record.auth });
    this.idByEmail.set(client.email, client.id);
  }

  async update(client: Client): Promise<void> {
    await this.turn();
    const existing = this.byId.get(client.id);
    if (existing === undefined) throw new NotFound('client', client.id);
    // Email and id are immutable: a repository never re-keys a client. Verified destinations
    // are written by markVerified only, so an update never undoes one; the auth record stays.
    const { verifiedEmail, verifiedPhone } = existing.client.toSnapshot();
    const updated = Client.restore({ ...client.toSnapshot(), verifiedEmail, verifiedPhone });
    this.byId.set(client.id, { client: updated, auth: existing.auth });
  }

  async markVerified(
    clientId: string,
    channel: NotificationChannel,
    destination: string,
  ): Promise<void> {
    await this.turn();
    const existing = this.byId.get(clientId);
    if (existing === undefined) throw new NotFound('client', clientId);
    const field = channel === 'email' ? 'verifiedEmail' : 'verifiedPhone';
    const client = Client.restore({ ...existing.client.toSnapshot(), [field]: destination });
    this.byId.set(clientId, { client, auth: existing.auth });
  }

  async findById(id: string): Promise<ClientRecord | null> {
    await this.turn();
    return this.byId.get(id) ?? null;
  }

  async findByEmail(email: string): Promise<ClientRecord | null> {
    await this.turn();
    const id = this.idByEmail.get(email);
    return id === undefined ? null : (this.byId.get(id) ?? null);
  }

  async list(page: {
    limit: number;
    after?: { createdAt: Date; id: string } | undefined;
  }): Promise<readonly ClientRecord[]> {
    await this.turn();
    const key = ({ client }: ClientRecord): [number, string] => [
      client.toSnapshot().createdAt.getTime(),
      client.id,
    ];
    const after = page.after;
    return [...this.byId.values()]
      .sort((a, b) => compareKeys(key(a), key(b)))
      .filter(
        (r) =>
          after === undefined || compareKeys(key(r), [after.createdAt.getTime(), after.id]) > 0,
      )
      .slice(0, page.limit);
  }
}

function compareKeys([t1, id1]: [number, string], [t2, id2]: [number, string]): number {
  return t1 !== t2 ? t1 - t2 : id1 < id2 ? -1 : id1 > id2 ? 1 : 0;
}
