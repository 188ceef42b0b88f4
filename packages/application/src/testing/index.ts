/**
 * Test kit for adapters of @btg-funds/application ports: one contract suite per port, run by
 * the memory and the Mongo adapters alike (vitest), plus builders. Not part of the runtime API.
 */
export { describeLedgerContract, type Factory } from './ledger.contract.js';
export { describeClientRepositoryContract } from './client-repository.contract.js';
export { describeFundRepositoryContract } from './fund-repository.contract.js';
export { describeIdempotencyStoreContract } from './idempotency-store.contract.js';
export { describeRefreshTokenStoreContract } from './refresh-token-store.contract.js';
export { describeNotificationStoreContract } from './notification-store.contract.js';
export { describeIdempotencyFaultsContract } from './idempotency-faults.contract.js';
export { describeDispatchRaceContract } from './dispatch-race.contract.js';
export { describeOutboxRecoveryContract } from './outbox-recovery.contract.js';
export {
  failsBefore,
  landsLater,
  landsThenFails,
  thenRun,
  withFaults,
  type Fault,
} from './faults.js';
export { describeRateLimitStoreContract } from './rate-limit-store.contract.js';
export { describeVerificationChallengeStoreContract } from './verification-challenge-store.contract.js';
export {
  assertGaplessAndConserved,
  describeAccountConcurrencyContract,
} from './account-concurrency.contract.js';
export {
  givenClientWithFunds,
  moneyUseCases,
  testClock,
  testIds,
  type MoneyStorage,
} from './test-kit.js';
export {
  aClient,
  aFund,
  registered,
  aNotification,
  seededFund,
  subscriptionRecords,
  uniqueId,
} from './builders.js';
