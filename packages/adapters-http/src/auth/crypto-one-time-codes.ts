import type { OneTimeCodes } from '@btg-funds/application';
import { randomInt } from 'node:crypto';

/** Six uniform random digits from the operating system's CSPRNG (leading zeros kept). */
export class CryptoOneTimeCodes implements OneTimeCodes {
  generate(): string {
    return String(randomInt(0, 1_000_000)).padStart(6, '0');
  }
}
