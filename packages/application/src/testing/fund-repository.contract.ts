import { Money } from '@btg-funds/domain';
import { describe, expect, it } from 'vitest';
import { SEEDED_FUNDS } from '../funds/seeded-funds.js';
import { DuplicateFundId, NotFound, type FundRepository } from '../ports/index.js';
import { aFund, uniqueId } from './builders.js';
import type { Factory } from './ledger.contract.js';

export function describeFundRepositoryContract(name: string, make: Factory<FundRepository>): void {
  describe(`FundRepository contract: ${name}`, () => {
    it('seeds idempotently and keeps edits made after seeding', async () => {
      const repo = await make();
      await repo.seed(SEEDED_FUNDS);
      const edited = (await repo.findById('4'))!.update({ active: false });
      await repo.update(edited);
      await repo.seed(SEEDED_FUNDS);
      expect((await repo.findById('4'))?.active).toBe(false);
      const ids = (await repo.list()).map((f) => f.id);
      expect(ids.slice(0, 5)).toEqual(['1', '2', '3', '4', '5']);
      await repo.update(edited.update({ active: true }));
    });

    it('stores every field and refuses a duplicate id with DuplicateFundId', async () => {
      const repo = await make();
      const fund = aFund({ minimum: '12345.67', category: 'FPV' });
      await repo.add(fund);
      expect((await repo.findById(fund.id))?.toSnapshot()).toEqual(fund.toSnapshot());
      const duplicate = repo.add(aFund({ id: fund.id }));
      await expect(duplicate).rejects.toBeInstanceOf(DuplicateFundId);
      await expect(duplicate).rejects.toMatchObject({ fundId: fund.id });
      expect(await repo.findById(uniqueId('missing'))).toBeNull();
    });

    it('updates name, minimum and status', async () => {
      const repo = await make();
      const fund = aFund();
      await repo.add(fund);
      await repo.update(
        fund.update({ name: 'NUEVO', minimumAmount: Money.parse('1000'), active: false }),
      );
      expect((await repo.findById(fund.id))?.toSnapshot()).toMatchObject({
        name: 'NUEVO',
        active: false,
      });
      expect((await repo.findById(fund.id))?.minimumAmount.toDecimalString()).toBe('1000.00');
    });

    it('refuses to update a fund it does not hold with NotFound, storing nothing', async () => {
      const repo = await make();
      const ghost = aFund();
      const update = repo.update(ghost);
      await expect(update).rejects.toBeInstanceOf(NotFound);
      await expect(update).rejects.toMatchObject({ entity: 'fund', id: ghost.id });
      expect(await repo.findById(ghost.id)).toBeNull();
    });

    it('lists numeric ids in numeric order', async () => {
      const repo = await make();
      await repo.seed(SEEDED_FUNDS);
      const big = aFund({ id: `10${Date.now()}` });
      await repo.add(big);
      const ids = (await repo.list()).map((f) => f.id);
      expect(ids.indexOf('5')).toBeLessThan(ids.indexOf(big.id));
    });
  });
}
