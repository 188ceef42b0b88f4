import type { NotificationChannel } from '@btg-funds/domain';
import type {
  BreachedPasswords,
  ClientRepository,
  Clock,
  FundRepository,
  IdempotencyStore,
  IdGenerator,
  Ledger,
  NotificationSender,
  NotificationStore,
  OneTimeCodes,
  PasswordHasher,
  RateLimitStore,
  RefreshTokenStore,
  SecretTokens,
  TokenIssuer,
  VerificationChallengeStore,
} from '../ports/index.js';

/** Every store the use cases read and write: an adapter package's `create…Storage()` fits. */
export interface UseCaseStorage {
  readonly clients: ClientRepository;
  readonly funds: FundRepository;
  readonly ledger: Ledger;
  readonly idempotency: IdempotencyStore;
  readonly refreshTokens: RefreshTokenStore;
  readonly notifications: NotificationStore;
  readonly rateLimits: RateLimitStore;
  readonly verifications: VerificationChallengeStore;
}

/** Every port the use cases need: the storage plus time, ids, secrets and senders. */
export interface UseCasePorts extends UseCaseStorage {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly hasher: PasswordHasher;
  readonly issuer: TokenIssuer;
  readonly secrets: SecretTokens;
  readonly codes: OneTimeCodes;
  readonly senders: Readonly<Record<NotificationChannel, NotificationSender>>;
  /** Absent: no breached-password check at registration. */
  readonly breached?: BreachedPasswords | undefined;
}
