import { Money } from '@btg-funds/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SmtpEmailSender } from '../src/index.js';
import { openBank, type Bank } from './support/bank.js';
import { MONGODB_URI, STORAGES, type TestStorage } from './support/storages.js';
import { startSmtpTestServer, type SmtpTestServer } from './support/smtp-test-server.js';
import { UnavailableNotificationStore } from './support/unavailable-notification-store.js';

describe.each(STORAGES)('crash recovery and de-duplication on %s storage', (kind, openStorage) => {
  let smtp: SmtpTestServer;
  let email: SmtpEmailSender;
  let store: TestStorage;
  beforeEach(async (context) => {
    // The MongoDB variant runs where a server is given (CI: FerretDB); it says so when skipped.
    if (kind === 'mongo' && MONGODB_URI === '') context.skip('MONGODB_URI is not set');
    store = await openStorage();
    smtp = await startSmtpTestServer();
    email = new SmtpEmailSender({
      connection: { host: '127.0.0.1', port: smtp.port, secure: false },
      from: 'no-reply@btg.example',
      timeoutMs: 5_000,
    });
  });
  afterEach(async () => {
    email?.close();
    await smtp?.close();
    await store?.close();
  });

  async function subscribed(bank: Bank) {
    const clientId = await bank.addClient('email');
    const { result } = await bank.subscribe.execute({ clientId, fundId: '1' });
    return { clientId, transactionId: result.transaction.id };
  }

  it('sends, exactly once, a notification whose record was lost after the ledger append', async () => {
    const bank = await openBank({
      storage: store.storage,
      outboxStore: new UnavailableNotificationStore(),
    });
    const { clientId, transactionId } = await subscribed(bank);
    // Committed: the money moved, the intent is in the ledger, but no delivery record exists.
    expect((await bank.balance(clientId)).equals(Money.parse('425000'))).toBe(true);
    expect(await bank.storage.notifications.findByTransactionId(transactionId)).toBeNull();

    // "Restart": a fresh recovery and a fresh dispatcher over the same storage.
    expect(await bank.recovery().execute()).toMatchObject({ created: 1 });
    expect(await bank.dispatcher({ email }).execute({ limit: 10 })).toMatchObject({ sent: 1 });

    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.mail.text).toContain(`Id de transacción: ${transactionId}`);
    expect(await bank.recovery().execute()).toMatchObject({ created: 0 });
    bank.clock.advance(24 * 60 * 60_000);
    expect(await bank.dispatcher({ email }).execute({ limit: 10 })).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(1);
    const record = await bank.storage.notifications.findByTransactionId(transactionId);
    expect(record).toMatchObject({ status: 'sent', attempts: 1 });
    expect((await bank.balance(clientId)).equals(Money.parse('425000'))).toBe(true);
  });

  it('a dispatcher that stopped before sending leaves the record pending for the next one', async () => {
    const bank = await openBank({ storage: store.storage });
    const { transactionId } = await subscribed(bank);
    expect(await bank.storage.notifications.findByTransactionId(transactionId)).toMatchObject({
      status: 'pending',
      attempts: 0,
    });
    // The first process died here; the next one starts with recovery, then dispatches.
    expect(await bank.recovery().execute()).toMatchObject({ created: 0 });
    await bank.dispatcher({ email }).execute({ limit: 10 });
    await bank.dispatcher({ email }).execute({ limit: 10 });
    expect(smtp.received).toHaveLength(1);
  });

  it('ensure() twice for one transaction: one record, one delivery', async () => {
    const bank = await openBank({ storage: store.storage });
    const { transactionId } = await subscribed(bank);
    const record = (await bank.storage.notifications.findByTransactionId(transactionId))!;
    expect(await bank.storage.notifications.ensure({ ...record, id: 'another-id' })).toBe(false);
    expect(await bank.storage.notifications.listByClient(record.clientId, 10)).toHaveLength(1);
    await bank.dispatcher({ email }).execute({ limit: 10 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.mail.messageId).toBe(`<notification.${transactionId}@btg.example>`);
  });
});
