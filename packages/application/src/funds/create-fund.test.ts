import { FakeFundRepository } from '../testing/index.js';
import { Money } from '@btg-funds/domain';
import { describe, expect, it } from 'vitest';
import { CreateFund } from './create-fund.js';
import { GetFund } from './get-fund.js';
import { ListFunds } from './list-funds.js';
import { SeedFunds } from './seed-funds.js';

const input = {
  id: '10',
  name: 'FDO-NUEVO',
  minimumAmount: Money.parse('80000'),
  category: 'FIC' as const,
};

async function setup() {
  const funds = new FakeFundRepository();
  await new SeedFunds(funds).execute();
  return {
    funds,
    create: new CreateFund(funds),
    list: new ListFunds(funds),
    get: new GetFund(funds),
  };
}

describe('CreateFund', () => {
  it('creates an active fund, listed after the seeded ones in numeric id order', async () => {
    const { create, list, get } = await setup();
    const fund = await create.execute(input);
    expect(fund.toSnapshot()).toEqual({ ...input, active: true });
    expect((await list.execute()).map((f) => f.id)).toEqual(['1', '2', '3', '4', '5', '10']);
    expect((await get.execute({ fundId: '10' })).name).toBe('FDO-NUEVO');
  });

  it('refuses a duplicate id, seeded or not', async () => {
    const { create } = await setup();
    await create.execute(input);
    await expect(create.execute({ ...input, name: 'OTRO' })).rejects.toMatchObject({
      code: 'FUND_ALREADY_EXISTS',
    });
    await expect(create.execute({ ...input, id: '1' })).rejects.toMatchObject({
      code: 'FUND_ALREADY_EXISTS',
    });
  });

  it('validates the fund', async () => {
    const { create, list } = await setup();
    await expect(create.execute({ ...input, minimumAmount: Money.zero() })).rejects.toMatchObject({
      code: 'INVALID_FUND',
    });
    expect(await list.execute()).toHaveLength(5);
  });
});

describe('GetFund', () => {
  it('answers FUND_NOT_FOUND for an unknown id', async () => {
    const { get } = await setup();
    await expect(get.execute({ fundId: '99' })).rejects.toMatchObject({ code: 'FUND_NOT_FOUND' });
  });
});
