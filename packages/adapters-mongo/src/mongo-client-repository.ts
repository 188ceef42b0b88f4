import type { ClientRepository } from '@btg-funds/application';
import { ApplicationError } from '@btg-funds/application';
import { Client, type NotificationChannel, type Role } from '@btg-funds/domain';
import type { Collection, Db, Filter } from 'mongodb';
import { collection, COLLECTIONS } from './collections.js';
import { isDuplicateKeyError, storageCall } from './storage-errors.js';

export interface ClientDocument {
  _id: string;
  email: string;
  fullName: string;
  phone: string | null;
  notificationPreference: NotificationChannel;
  role: Role;
  passwordHash: string;
  createdAt: Date;
  /** Absent on clients stored before verification existed: nothing proved (ADR 0405). */
  verifiedEmail?: string | null;
  verifiedPhone?: string | null;
}

/** Clients by id (`_id`), with a unique index on the normalized email. */
export class MongoClientRepository implements ClientRepository {
  private readonly clients: Collection<ClientDocument>;

  constructor(db: Db) {
    this.clients = collection<ClientDocument>(db, COLLECTIONS.clients);
  }

  async add(client: Client): Promise<void> {
    try {
      await storageCall(() => this.clients.insertOne(toDocument(client)));
    } catch (error) {
      // FerretDB does not say which index was violated, so ask the data instead of parsing
      // the message: if the email is there, it is the email.
      if (isDuplicateKeyError(error) && (await this.findByEmail(client.email)) !== null) {
        throw new ApplicationError(
          'EMAIL_TAKEN',
          'Ya existe una cuenta registrada con ese correo.',
        );
      }
      throw error;
    }
  }

  async update(client: Client): Promise<void> {
    const s = client.toSnapshot();
    const profile = {
      fullName: s.fullName,
      phone: s.phone,
      notificationPreference: s.notificationPreference,
      role: s.role,
      passwordHash: s.passwordHash,
    };
    const result = await storageCall(() =>
      this.clients.updateOne({ _id: s.id }, { $set: profile }),
    );
    if (result.matchedCount === 0) {
      throw new ApplicationError('CLIENT_NOT_FOUND', 'El cliente no existe.');
    }
  }

  async markVerified(
    clientId: string,
    channel: NotificationChannel,
    destination: string,
  ): Promise<void> {
    // One field, last writer wins harmlessly: it only ever records a destination that was proved.
    const field = channel === 'email' ? 'verifiedEmail' : 'verifiedPhone';
    const result = await storageCall(() =>
      this.clients.updateOne({ _id: clientId }, { $set: { [field]: destination } }),
    );
    if (result.matchedCount === 0) {
      throw new ApplicationError('CLIENT_NOT_FOUND', 'El cliente no existe.');
    }
  }

  async findById(id: string): Promise<Client | null> {
    const found = await storageCall(() => this.clients.findOne({ _id: id }));
    return found === null ? null : fromDocument(found);
  }

  async findByEmail(email: string): Promise<Client | null> {
    const found = await storageCall(() => this.clients.findOne({ email }));
    return found === null ? null : fromDocument(found);
  }

  async list(page: {
    readonly limit: number;
    readonly after?: { readonly createdAt: Date; readonly id: string } | undefined;
  }): Promise<readonly Client[]> {
    const { after } = page;
    // Keyset on (createdAt, _id), served by the { createdAt: 1, _id: 1 } index.
    const filter: Filter<ClientDocument> =
      after === undefined
        ? {}
        : {
            $or: [
              { createdAt: { $gt: after.createdAt } },
              { createdAt: after.createdAt, _id: { $gt: after.id } },
            ],
          };
    const found = await storageCall(() =>
      // batchSize = limit: one batch, and the cursor closes with it (without it FerretDB keeps
      // it open at 101 documents and the driver spends a round trip on killCursors).
      this.clients
        .find(filter, { batchSize: page.limit })
        .sort({ createdAt: 1, _id: 1 })
        .limit(page.limit)
        .toArray(),
    );
    return found.map(fromDocument);
  }
}

function toDocument(client: Client): ClientDocument {
  const { id, ...rest } = client.toSnapshot();
  return { _id: id, ...rest };
}

function fromDocument(doc: ClientDocument): Client {
  return Client.restore({
    id: doc._id,
    email: doc.email,
    fullName: doc.fullName,
    phone: doc.phone,
    notificationPreference: doc.notificationPreference,
    role: doc.role,
    passwordHash: doc.passwordHash,
    createdAt: doc.createdAt,
    verifiedEmail: doc.verifiedEmail ?? null,
    verifiedPhone: doc.verifiedPhone ?? null,
  });
}
