import {
  describeAccountConcurrencyContract,
  describeClientRepositoryContract,
  describeDispatchRaceContract,
  describeFundRepositoryContract,
  describeIdempotencyFaultsContract,
  describeIdempotencyStoreContract,
  describeLedgerContract,
  describeNotificationStoreContract,
  describeOutboxRecoveryContract,
  describeRateLimitStoreContract,
  describeRefreshTokenStoreContract,
  describeVerificationChallengeStoreContract,
} from '@btg-funds/application/testing';
import {
  createInMemoryStorage,
  InMemoryClientRepository,
  InMemoryFundRepository,
  InMemoryIdempotencyStore,
  InMemoryLedger,
  InMemoryNotificationStore,
  InMemoryRateLimitStore,
  InMemoryRefreshTokenStore,
  InMemoryVerificationChallengeStore,
} from '../src/index.js';

describeLedgerContract('memory', () => new InMemoryLedger());
describeClientRepositoryContract('memory', () => new InMemoryClientRepository());
describeFundRepositoryContract('memory', () => new InMemoryFundRepository());
describeIdempotencyStoreContract('memory', () => new InMemoryIdempotencyStore());
describeRefreshTokenStoreContract('memory', () => new InMemoryRefreshTokenStore());
describeNotificationStoreContract('memory', () => new InMemoryNotificationStore());
describeAccountConcurrencyContract('memory', () => [createInMemoryStorage()]);
describeIdempotencyFaultsContract('memory', () => createInMemoryStorage());
describeDispatchRaceContract('memory', () => [new InMemoryNotificationStore()]);
describeOutboxRecoveryContract('memory', () => createInMemoryStorage());
describeVerificationChallengeStoreContract(
  'memory',
  () => new InMemoryVerificationChallengeStore(),
);
describeRateLimitStoreContract('memory', () => {
  const store = new InMemoryRateLimitStore();
  return [store, store];
});
