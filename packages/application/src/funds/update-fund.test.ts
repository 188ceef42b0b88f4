import {
  FixedClock,
  SequentialIdGenerator,
  createInMemoryStorage,
} from '@btg-funds/adapters-memory';
import { Money } from '@btg-funds/domain';
import { describe, expect, it } from 'vitest';
import { ListSubscriptions } from '../subscriptions/list-subscriptions.js';
import { givenClientWithFunds, moneyUseCases } from '../testing/index.js';
import { SeedFunds } from './seed-funds.js';
import { UpdateFund } from './update-fund.js';

async function setup() {
  const storage = createInMemoryStorage();
  const client = await givenClientWithFunds(storage);
  const { subscribe } = moneyUseCases(storage, {
    clock: new FixedClock(),
    ids: new SequentialIdGenerator(),
  });
  return { storage, client, subscribe, update: new UpdateFund(storage.funds) };
}

describe('UpdateFund', () => {
  it('changes only the given fields and persists them', async () => {
    const { storage, update } = await setup();
    const fund = await update.execute({ fundId: '1', minimumAmount: Money.parse('90000') });
    expect(fund.toSnapshot()).toMatchObject({
      id: '1',
      name: 'FPV_BTG_PACTUAL_RECAUDADORA',
      active: true,
    });
    expect((await storage.funds.findById('1'))?.minimumAmount.toDecimalString()).toBe('90000.00');
  });

  it('a deactivated fund takes no new subscriptions', async () => {
    const { client, subscribe, update } = await setup();
    await update.execute({ fundId: '3', active: false });
    await expect(subscribe.execute({ clientId: client.id, fundId: '3' })).rejects.toMatchObject({
      code: 'FUND_INACTIVE',
    });
    await update.execute({ fundId: '3', active: true });
    await expect(subscribe.execute({ clientId: client.id, fundId: '3' })).resolves.toMatchObject({
      replayed: false,
    });
  });

  it('existing subscriptions keep the amount they were made with', async () => {
    const { storage, client, subscribe, update } = await setup();
    await subscribe.execute({ clientId: client.id, fundId: '1' });
    await update.execute({ fundId: '1', minimumAmount: Money.parse('200000') });
    const {
      items: [subscription],
    } = await new ListSubscriptions(storage.ledger).execute({ clientId: client.id });
    expect(subscription?.amount.toDecimalString()).toBe('75000.00');
  });

  it('survives a restart: seeding again keeps the admin edit', async () => {
    const { storage, update } = await setup();
    await update.execute({ fundId: '2', name: 'ECOPETROL RENOMBRADO' });
    await new SeedFunds(storage.funds).execute();
    expect((await storage.funds.findById('2'))?.name).toBe('ECOPETROL RENOMBRADO');
  });

  it('answers FUND_NOT_FOUND for an unknown fund and INVALID_FUND for bad values', async () => {
    const { update } = await setup();
    await expect(update.execute({ fundId: '99', active: false })).rejects.toMatchObject({
      code: 'FUND_NOT_FOUND',
    });
    await expect(update.execute({ fundId: '1', name: '' })).rejects.toMatchObject({
      code: 'INVALID_FUND',
    });
  });
});
