import { Client, type NotificationChannel } from '@btg-funds/domain';
import {
  DuplicateEmail,
  NotFound,
  type ClientRecord,
  type ClientRepository,
} from '../../ports/index.js';
import { tick } from './tick.js';

/** Clients in a map, unique by id and email; lists by scanning (a fake, not an adapter). */
export class FakeClientRepository implements ClientRepository {
  private readonly byId = new Map<string, ClientRecord>();

  async add(record: ClientRecord): Promise<void> {
    await tick();
    const { id, email } = record.client;
    if (this.byId.has(id) || [...this.byId.values()].some((r) => r.client.email === email)) {
      throw new DuplicateEmail();
    }
    this.byId.set(id, record);
  }

  async update(client: Client): Promise<void> {
    await tick();
    const existing = this.existing(client.id);
    // Verified destinations are written by markVerified only; the auth record stays.
    const { verifiedEmail, verifiedPhone } = existing.client.toSnapshot();
    const updated = Client.restore({ ...client.toSnapshot(), verifiedEmail, verifiedPhone });
    this.byId.set(client.id, { ...existing, client: updated });
  }

  async markVerified(clientId: string, channel: NotificationChannel, destination: string) {
    await tick();
    const existing = this.existing(clientId);
    const field = channel === 'email' ? 'verifiedEmail' : 'verifiedPhone';
    const client = Client.restore({ ...existing.client.toSnapshot(), [field]: destination });
    this.byId.set(clientId, { ...existing, client });
  }

  async findById(id: string): Promise<ClientRecord | null> {
    await tick();
    return this.byId.get(id) ?? null;
  }

  async findByEmail(email: string): Promise<ClientRecord | null> {
    await tick();
    return [...this.byId.values()].find((r) => r.client.email === email) ?? null;
  }

  async list(page: {
    limit: number;
    after?: { createdAt: Date; id: string } | undefined;
  }): Promise<readonly ClientRecord[]> {
    await tick();
    const key = (createdAt: Date, id: string) => `${createdAt.toISOString()}|${id}`;
    const keyOf = ({ client }: ClientRecord) => key(client.toSnapshot().createdAt, client.id);
    const after = page.after === undefined ? '' : key(page.after.createdAt, page.after.id);
    return [...this.byId.values()]
      .filter((r) => keyOf(r) > after)
      .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1))
      .slice(0, page.limit);
  }

  private existing(id: string): ClientRecord {
    const record = this.byId.get(id);
    if (record === undefined) throw new NotFound('client', id);
    return record;
  }
}
