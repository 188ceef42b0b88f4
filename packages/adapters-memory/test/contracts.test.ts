import {
  describeAccountConcurrencyContract,
  describeClientRepositoryContract,
  describeFundRepositoryContract,
  describeIdempotencyStoreContract,
  describeLedgerContract,
  describeNotificationStoreContract,
  describeRateLimitStoreContract,
  describeRefreshTokenStoreContract,
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
} from '../src/index.js';

describeLedgerContract('memory', () => new InMemoryLedger());
describeClientRepositoryContract('memory', () => new InMemoryClientRepository());
describeFundRepositoryContract('memory', () => new InMemoryFundRepository());
describeIdempotencyStoreContract('memory', () => new InMemoryIdempotencyStore());
describeRefreshTokenStoreContract('memory', () => new InMemoryRefreshTokenStore());
describeNotificationStoreContract('memory', () => new InMemoryNotificationStore());
describeAccountConcurrencyContract('memory', () => [createInMemoryStorage()]);
describeRateLimitStoreContract('memory', () => {
  const store = new InMemoryRateLimitStore();
  return [store, store];
});
