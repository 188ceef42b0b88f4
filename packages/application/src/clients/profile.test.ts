import {
  aClient,
  createFakeStorage,
  FixedClock,
  givenClientWithFunds,
  moneyUseCases,
  registered,
  SequentialIdGenerator,
} from '../testing/index.js';
import { describe, expect, it } from 'vitest';
import { GetProfile } from './get-profile.js';
import { UpdateProfile } from './update-profile.js';

async function setup() {
  const storage = createFakeStorage();
  const client = await givenClientWithFunds(storage);
  const { subscribe } = moneyUseCases(storage, {
    clock: new FixedClock(),
    ids: new SequentialIdGenerator(),
  });
  return {
    storage,
    client,
    subscribe,
    get: new GetProfile(storage.clients, storage.ledger),
    update: new UpdateProfile(storage.clients, storage.ledger),
  };
}

describe('GetProfile', () => {
  it('shows the profile without the password hash, with the balance of the ledger', async () => {
    const { client, subscribe, get } = await setup();
    const opened = await get.execute({ clientId: client.id });
    expect(opened).toMatchObject({ id: client.id, email: client.email, role: 'client' });
    expect(opened).not.toHaveProperty('passwordHash');
    expect(opened.balance.toDecimalString()).toBe('500000.00');
    await subscribe.execute({ clientId: client.id, fundId: '4' });
    expect((await get.execute({ clientId: client.id })).balance.toDecimalString()).toBe(
      '250000.00',
    );
  });

  it('reads the balance by the bounded batch read, never by latest() (ADR 0707)', async () => {
    const { storage, client, subscribe } = await setup();
    await subscribe.execute({ clientId: client.id, fundId: '4' });
    const ledger = Object.create(storage.ledger) as typeof storage.ledger;
    ledger.latest = () => Promise.reject(new Error('latest() sorts the whole history on FerretDB'));
    const shown = await new GetProfile(storage.clients, ledger).execute({ clientId: client.id });
    expect(shown.balance.toDecimalString()).toBe('250000.00');
    const updated = await new UpdateProfile(storage.clients, ledger).execute({
      clientId: client.id,
      fullName: 'Ana Pérez',
    });
    expect(updated.balance.toDecimalString()).toBe('250000.00');
  });

  it('answers CLIENT_NOT_FOUND for an unknown id', async () => {
    const { get } = await setup();
    await expect(get.execute({ clientId: 'ghost' })).rejects.toMatchObject({
      code: 'CLIENT_NOT_FOUND',
    });
  });
});

describe('UpdateProfile', () => {
  it('changes name, phone and preference, and persists them', async () => {
    const { client, update, get } = await setup();
    const updated = await update.execute({
      clientId: client.id,
      fullName: 'Ana M. Pérez',
      phone: '+12025550123',
      notificationPreference: 'sms',
    });
    expect(updated).toMatchObject({
      fullName: 'Ana M. Pérez',
      phone: '+12025550123',
      notificationPreference: 'sms',
    });
    expect(await get.execute({ clientId: client.id })).toEqual(updated);
  });

  it('leaves absent fields as they were', async () => {
    const { client, update } = await setup();
    const updated = await update.execute({ clientId: client.id, fullName: 'Otra' });
    expect(updated).toMatchObject({
      fullName: 'Otra',
      phone: '+573001234567',
      notificationPreference: 'email',
      email: client.email,
    });
  });

  it('cannot choose sms without a phone, nor remove the phone while sms is chosen', async () => {
    const { storage, update, get } = await setup();
    const noPhone = aClient({ phone: null });
    await storage.clients.add(registered(noPhone));
    await expect(
      update.execute({ clientId: noPhone.id, notificationPreference: 'sms' }),
    ).rejects.toMatchObject({ code: 'PHONE_REQUIRED_FOR_SMS' });
    expect((await get.execute({ clientId: noPhone.id })).notificationPreference).toBe('email');
    const sms = aClient({ notificationPreference: 'sms' });
    await storage.clients.add(registered(sms));
    await expect(update.execute({ clientId: sms.id, phone: null })).rejects.toMatchObject({
      code: 'PHONE_REQUIRED_FOR_SMS',
    });
    expect((await get.execute({ clientId: sms.id })).phone).toBe('+573001234567');
  });

  it('removes the phone when switching to email in the same request', async () => {
    const { storage, update } = await setup();
    const sms = aClient({ notificationPreference: 'sms' });
    await storage.clients.add(registered(sms));
    expect(
      await update.execute({ clientId: sms.id, phone: null, notificationPreference: 'email' }),
    ).toMatchObject({ phone: null, notificationPreference: 'email' });
  });

  it('answers CLIENT_NOT_FOUND for an unknown id', async () => {
    const { update } = await setup();
    await expect(update.execute({ clientId: 'ghost', fullName: 'X' })).rejects.toMatchObject({
      code: 'CLIENT_NOT_FOUND',
    });
  });
});
