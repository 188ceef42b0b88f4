import { Money } from '@btg-funds/domain';
import type { Long } from 'mongodb';
import { mongoDriver } from './driver.js';

/**
 * Money crosses the storage edge as Int64 centavos (ADR 0005): never a double (rounding), never
 * Decimal128 (FerretDB v1 drops the connection on it). A plain JS number would be written as
 * int32 or double depending on its size, so the Long is built explicitly.
 */
export function moneyToLong(money: Money): Long {
  return mongoDriver().Long.fromBigInt(money.toMinorUnits());
}

/**
 * Collections that hold money are read with `useBigInt64`, so an Int64 arrives as a bigint.
 * An integral number (int32/double written by some other tool) is accepted; anything else
 * is corrupt data and must not be silently turned into an amount.
 */
export function moneyFromStored(value: unknown): Money {
  if (typeof value === 'bigint') return Money.fromMinorUnits(value);
  if (value instanceof mongoDriver().Long) return Money.fromMinorUnits(value.toBigInt());
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    return Money.fromMinorUnits(BigInt(value));
  }
  throw new Error(`stored amount is not an integer number of minor units: ${String(value)}`);
}
