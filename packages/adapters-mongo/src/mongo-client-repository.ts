import {
  DuplicateEmail,
  NotFound,
  type ClientRecord,
  type ClientRepository,
  type Role,
} from '@btg-funds/application';
import { Client, type NotificationChannel } from '@btg-funds/domain';
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

/**
 * Clients by id (`_id`), with a unique index on the normalized email. A client and its auth
 * record (role, password hash) are one document, as they always were: registering stays one
 * unique insert.
 */
export class MongoClientRepository implements ClientRepository {
  private readonly clients: Collection<ClientDocument>;

  constructor(db: Db) {
    this.clients = collection<ClientDocument>(db, COLLECTIONS.clients);
  }

  async add(record: ClientRecord): Promise<void> {
    try {
      await storageCall(() => this.clients.insertOne(toDocument(record)));
    } catch (error) {
      // FerretDB does not say which index was violated, so ask the data instead of parsing
      // the message: if the email is there, it is the email.
      if (isDuplicateKeyError(error) && (await this.findByEmail(record.client.email)) !== null) {
        throw new DuplicateEmail();
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
    };
    const result = await storageCall(() =>
      this.clients.updateOne({ _id: s.id }, { $set: profile }),
    );
    if (result.matchedCount === 0) throw new NotFound('client', s.id);
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
    if (result.matchedCount === 0) throw new NotFound('client', clientId);
  }

  async findById(id: string): Promise<ClientRecord | null> {
    const found = await storageCall(() => this.clients.findOne({ _id: id }));
    return found === null ? null : fromDocument(found);
  }

  async findByEmail(email: string): Promise<ClientRecord | null> {
    const found = await storageCall(() => this.clients.findOne({ email }));
    return found === null ? null : fromDocument(found);
  }

  async list(page: {
    readonly limit: number;
    readonly after?: { readonly createdAt: Date; readonly id: string } | undefined;
  }): Promise<readonly ClientRecord[]> {
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

function toDocument({ client, auth }: ClientRecord): ClientDocument {
  const { id, ...rest } = client.toSnapshot();
  return { _id: id, ...rest, role: auth.role, passwordHash: auth.passwordHash };
}

function fromDocument(doc: ClientDocument): ClientRecord {
  const client = Client.restore({
    id: doc._id,
    email: doc.email,
    fullName: doc.fullName,
    phone: doc.phone,
    notificationPreference: doc.notificationPreference,
    createdAt: doc.createdAt,
    verifiedEmail: doc.verifiedEmail ?? null,
    verifiedPhone: doc.verifiedPhone ?? null,
  });
  return { client, auth: { role: doc.role, passwordHash: doc.passwordHash } };
}
