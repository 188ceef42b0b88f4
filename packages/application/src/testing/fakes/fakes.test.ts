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
} from '../index.js';
import {
  createFakeStorage,
  FakeClientRepository,
  FakeFundRepository,
  FakeIdempotencyStore,
  FakeLedger,
  FakeNotificationStore,
  FakeRateLimitStore,
  FakeRefreshTokenStore,
  FakeVerificationChallengeStore,
} from './index.js';

describeLedgerContract('fake', () => new FakeLedger());
describeClientRepositoryContract('fake', () => new FakeClientRepository());
describeFundRepositoryContract('fake', () => new FakeFundRepository());
describeIdempotencyStoreContract('fake', () => new FakeIdempotencyStore());
describeRefreshTokenStoreContract('fake', () => new FakeRefreshTokenStore());
describeNotificationStoreContract('fake', () => new FakeNotificationStore());
describeAccountConcurrencyContract('fake', () => [createFakeStorage()]);
describeIdempotencyFaultsContract('fake', () => createFakeStorage());
describeDispatchRaceContract('fake', () => [new FakeNotificationStore()]);
describeOutboxRecoveryContract('fake', () => createFakeStorage());
describeVerificationChallengeStoreContract('fake', () => new FakeVerificationChallengeStore());
describeRateLimitStoreContract('fake', () => {
  const store = new FakeRateLimitStore();
  return [store, store];
});
