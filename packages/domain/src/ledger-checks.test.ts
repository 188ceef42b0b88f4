import { describe, expect, it } from 'vitest';
import { eachHeldOnce } from './ledger-checks.js';
import { Money } from './money.js';
import type { Holding } from './subscription.js';

const holding = (i: number): Holding => ({
  subscriptionId: `s-${i}`,
  fundId: `f-${i}`,
  fundName: `Fondo ${i}`,
  amount: Money.parse('1000'),
  subscribedAt: new Date('2026-12-01T00:00:00Z'),
});

// Pairs are compared up to 32 holdings and sets are built past that: both ways must agree.
describe.each([2, 32, 33, 80])('holdings held once, among %i', (count) => {
  const distinct = Array.from({ length: count }, (_, i) => holding(i));
  const last = distinct.at(-1)!;

  it('accepts distinct funds and subscriptions', () => {
    expect(eachHeldOnce(distinct)).toBe(true);
  });

  it('refuses a fund held twice', () => {
    const twice = [...distinct.slice(0, -1), { ...last, fundId: distinct[0]!.fundId }];
    expect(eachHeldOnce(twice)).toBe(false);
  });

  it('refuses a subscription held on two funds', () => {
    const twice = [...distinct.slice(0, -1), { ...last, subscriptionId: 's-0' }];
    expect(eachHeldOnce(twice)).toBe(false);
  });
});

it('accepts no holdings and one', () => {
  expect(eachHeldOnce([])).toBe(true);
  expect(eachHeldOnce([holding(1)])).toBe(true);
});
