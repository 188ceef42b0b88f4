import { ApplicationError, type ClientRepository } from '@btg-funds/application';
import { Client, type NotificationChannel } from '@btg-funds/domain';
import { yieldToOthers } from './yield-to-others.js';

export class InMemoryClientRepository implements ClientRepository {
  private readonly byId = new Map<string, Client>();
  private readonly idByEmail = new Map<string, string>();

  async add(client: Client): Promise<void> {
    await yieldToOthers();
    if (this.idByEmail.has(client.email) || this.byId.has(client.id)) {
      throw new ApplicationError('EMAIL_TAKEN', 'Ya existe una cuenta registrada con ese correo.');
    }
    this.byId.set(client.id, client);
    this.idByEmail.set(client.email, client.id);
  }

  async update(client: Client): Promise<void> {
    await yieldToOthers();
    const existing = this.byId.get(client.id);
    if (existing === undefined)
      throw new ApplicationError('CLIENT_NOT_FOUND', 'El cliente no existe.');
    // Email and id are immutable: a repository never re-keys a client. Verified destinations
    // are written by markVerified only, so an update never undoes one.
    const { verifiedEmail, verifiedPhone } = existing.toSnapshot();
    this.byId.set(
      client.id,
      Client.restore({ ...client.toSnapshot(), verifiedEmail, verifiedPhone }),
    );
  }

  async markVerified(
    clientId: string,
    channel: NotificationChannel,
    destination: string,
  ): Promise<void> {
    await yieldToOthers();
    const existing = this.byId.get(clientId);
    if (existing === undefined) {
      throw new ApplicationError('CLIENT_NOT_FOUND', 'El cliente no existe.');
    }
    const field = channel === 'email' ? 'verifiedEmail' : 'verifiedPhone';
    this.byId.set(clientId, Client.restore({ ...existing.toSnapshot(), [field]: destination }));
  }

  async findById(id: string): Promise<Client | null> {
    await yieldToOthers();
    return this.byId.get(id) ?? null;
  }

  async findByEmail(email: string): Promise<Client | null> {
    await yieldToOthers();
    const id = this.idByEmail.get(email);
    return id === undefined ? null : (this.byId.get(id) ?? null);
  }

  async list(page: {
    limit: number;
    after?: { createdAt: Date; id: string } | undefined;
  }): Promise<readonly Client[]> {
    await yieldToOthers();
    const key = (c: Client): [number, string] => [c.toSnapshot().createdAt.getTime(), c.id];
    const after = page.after;
    return [...this.byId.values()]
      .sort((a, b) => compareKeys(key(a), key(b)))
      .filter(
        (c) =>
          after === undefined || compareKeys(key(c), [after.createdAt.getTime(), after.id]) > 0,
      )
      .slice(0, page.limit);
  }
}

function compareKeys([t1, id1]: [number, string], [t2, id2]: [number, string]): number {
  return t1 !== t2 ? t1 - t2 : id1 < id2 ? -1 : id1 > id2 ? 1 : 0;
}
