/**
 * What a storage port answers when a write cannot be done as asked, in the port's own words (like
 * LedgerConflict). Adapters translate their driver's errors into these; the use cases decide what
 * they mean for the caller (ApplicationErrors). Messages are for logs, never shown to people.
 */

/** ClientRepository.add: a client with this (normalized) email is stored already. */
export class DuplicateEmail extends Error {
  override readonly name = 'DuplicateEmail';
  constructor() {
    super('a client with this email is stored already');
  }
}

/** FundRepository.add: a fund with this id is stored already. */
export class DuplicateFundId extends Error {
  override readonly name = 'DuplicateFundId';
  constructor(readonly fundId: string) {
    super(`fund ${fundId} is stored already`);
  }
}

/** An update of something the store does not hold. */
export class NotFound extends Error {
  override readonly name = 'NotFound';
  constructor(
    readonly entity: 'client' | 'fund',
    readonly id: string,
  ) {
    super(`${entity} ${id} is not stored`);
  }
}

/**
 * PasswordHasher: the caller's deadline passed while its hash waited for its turn, so it was never
 * started (ADR 0703). Nothing was compared: not a wrong password, and no answer is owed — the
 * request it served was answered when its deadline passed.
 */
export class HashingNotStarted extends Error {
  override readonly name = 'HashingNotStarted';
  constructor() {
    super('the caller stopped waiting before this hash could start');
  }
}
