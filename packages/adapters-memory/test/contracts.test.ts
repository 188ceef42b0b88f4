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
  eventLoopTurn,
  InMemoryClientRepository,
  InMemoryFundRepository,
  InMemoryIdempotencyStore,
  InMemoryLedger,
  InMemoryNotificationStore,
  InMemoryRateLimitStore,
  InMemoryRefreshTokenStore,
  InMemoryVerificationChallengeStore,
  microtaskTurn,
  type StorageTurn,
} from '../src/index.js';

// Every suite runs on both turns: the tests' default, and the one a served app uses (ADR 0708).
const TURNS: readonly (readonly [string, StorageTurn])[] = [
  ['memory', eventLoopTurn],
  ['memory, microtask turns', microtaskTurn],
];

for (const [name, turn] of TURNS) {
  describeLedgerContract(name, () => new InMemoryLedger(turn));
  describeClientRepositoryContract(name, () => new InMemoryClientRepository(turn));
  describeFundRepositoryContract(name, () => new InMemoryFundRepository(turn));
  describeIdempotencyStoreContract(name, () => new InMemoryIdempotencyStore(turn));
  describeRefreshTokenStoreContract(name, () => new InMemoryRefreshTokenStore(turn));
  describeNotificationStoreContract(name, () => new InMemoryNotificationStore(undefined, turn));
  describeAccountConcurrencyContract(name, () => [createInMemoryStorage({ turn })]);
  describeIdempotencyFaultsContract(name, () => createInMemoryStorage({ turn }));
  describeDispatchRaceContract(name, () => [new InMemoryNotificationStore(undefined, turn)]);
  describeOutboxRecoveryContract(name, () => createInMemoryStorage({ turn }));
  describeVerificationChallengeStoreContract(
    name,
    () => new InMemoryVerificationChallengeStore(turn),
  );
}
describeRateLimitStoreContract('memory', () => {
  const store = new InMemoryRateLimitStore();
  return [store, store];
});
