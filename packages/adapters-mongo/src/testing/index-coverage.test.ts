import { describe, expect, it } from 'vitest';
import { INDEXES } from '../indexes.js';
import { servedByIndex, type SentQuery } from './index-coverage.js';

const ledger = INDEXES.ledger;
const find = (filter: object, sort?: object): SentQuery => ({
  command: 'find',
  collection: 'ledger',
  filter,
  sort,
});

describe('servedByIndex (the rule the index check applies on any server)', () => {
  it('accepts what the ledger indexes serve', () => {
    expect(servedByIndex(find({ clientId: 'c' }, { seq: -1 }), ledger)).toBe(true);
    expect(servedByIndex(find({ _id: { $in: ['c:1', 'd:4'] } }), ledger)).toBe(true);
    expect(servedByIndex(find({ transactionId: 't', clientId: 'c' }), ledger)).toBe(true);
    expect(servedByIndex(find({ clientId: 'c', subscriptionId: 's' }, { seq: 1 }), ledger)).toBe(
      true,
    );
    expect(servedByIndex(find({ createdAt: { $gte: new Date() } }, { createdAt: 1 }), ledger)).toBe(
      true,
    );
  });

  it('refuses a scan, an unindexed sort and an $or with one unserved branch', () => {
    expect(servedByIndex(find({ fundId: '3' }), ledger)).toBe(false);
    expect(servedByIndex(find({}), ledger)).toBe(false);
    expect(servedByIndex(find({ clientId: 'c' }, { createdAt: -1 }), ledger)).toBe(false);
    expect(servedByIndex(find({ $or: [{ clientId: 'c' }, { fundId: '3' }] }), ledger)).toBe(false);
  });
});
