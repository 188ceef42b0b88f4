import {
  describeAccountConcurrencyContract,
  describeClientRepositoryContract,
  describeDispatchRaceContract,
  describeFundRepositoryContract,
  describeIdempotencyFaultsContract,
  describeIdempotencyStoreContract,
  describeLedgerContract,
  describeNotificationStoreContract,
  describeRateLimitStoreContract,
  describeRefreshTokenStoreContract,
  describeVerificationChallengeStoreContract,
} from '@btg-funds/application/testing';
import { describe } from 'vitest';
import type { MongoStorage } from './mongo-storage.js';
import { testMongo } from './testing/test-mongo.js';
import { useTestStorage } from './testing/test-storage.js';

const mongo = await testMongo();

// The same suites adapters-memory passes, on one database per file. The contracts use unique
// ids, so the adapters can share it; the concurrency contract races over three separate
// MongoClient pools, as three API processes would.
describe.skipIf(!mongo.available)('adapters-mongo contracts', () => {
  const storage = useTestStorage('contracts');
  let pools: readonly MongoStorage[] | undefined;
  const racingPools = async (): Promise<readonly MongoStorage[]> => {
    pools ??= [storage.current, await storage.open(), await storage.open()];
    return pools;
  };

  describeLedgerContract('mongo', () => storage.current.ledger);
  describeClientRepositoryContract('mongo', () => storage.current.clients);
  describeFundRepositoryContract('mongo', () => storage.current.funds);
  describeIdempotencyStoreContract('mongo', () => storage.current.idempotency);
  describeRefreshTokenStoreContract('mongo', () => storage.current.refreshTokens);
  describeNotificationStoreContract('mongo', () => storage.current.notifications);
  describeVerificationChallengeStoreContract('mongo', () => storage.current.verifications);
  describeAccountConcurrencyContract('mongo, three connection pools', racingPools);
  describeIdempotencyFaultsContract('mongo', () => storage.current);
  describeDispatchRaceContract('mongo, three connection pools', async () =>
    (await racingPools()).map((pool) => pool.notifications),
  );
  describeRateLimitStoreContract('mongo, three connection pools', async () =>
    (await racingPools()).map((pool) => pool.rateLimits),
  );
});
