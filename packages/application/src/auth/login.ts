import { legacyEmailKey, normalizeEmail } from '@btg-funds/domain';
import * as ApplicationErrors from '../application-errors.js';
import type { ClientRepository, IdGenerator, PasswordHasher } from '../ports/index.js';
import type { Deadline } from '../shared/deadline.js';
import type { LoginThrottle } from './login-throttle.js';
import { issueTokenPair, newSession, type SessionDeps, type TokenPair } from './session-tokens.js';

/** POST /auth/login. Unknown email and wrong password give one identical answer. */
export class Login {
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly deps: SessionDeps & {
      readonly clients: ClientRepository;
      readonly hasher: PasswordHasher;
      readonly ids: IdGenerator;
      /** Failed logins counted per (account, address) and per account; none → no throttling. */
      readonly throttle?: LoginThrottle | undefined;
    },
  ) {}

  /**
   * `deadline`: when the caller stops waiting (the request's answer deadline). A password check
   * still queued behind other logins then is never started (`HashingNotStarted`, ADR 0703): its
   * request was answered already, and hashing for nobody would delay every login behind it.
   * Such a login counts as no failure.
   */
  async execute(input: {
    email: string;
    password: string;
    address?: string;
    deadline?: Deadline;
  }): Promise<TokenPair> {
    const account = accountKey(input.email);
    const address = input.address ?? 'unknown';
    await this.deps.throttle?.check(account, address);
    const found = await this.findClient(input.email);
    // Hash even for an unknown email, so response time does not reveal which emails exist.
    const hash = found?.auth.passwordHash ?? (await this.dummy());
    const valid = await this.deps.hasher.verify(input.password, hash, input.deadline);
    if (found === null || !valid) {
      await this.deps.throttle?.recordFailure(account, address);
      throw ApplicationErrors.invalidCredentials();
    }
    const who = { clientId: found.client.id, role: found.auth.role };
    return issueTokenPair(this.deps, who, newSession(this.deps, this.deps.ids.next()));
  }

  /**
   * By the normalized address, then by the form addresses were stored in before normalization
   * folded them (ADR 0221): an account registered then still signs in, even when its address
   * would be refused or folded today. ASCII addresses have one form: one read.
   */
  private async findClient(email: string) {
    const keys = new Set<string>();
    try {
      keys.add(normalizeEmail(email));
    } catch {
      // Refused today; it may still be an address stored before.
    }
    const legacy = legacyEmailKey(email);
    if (legacy.length <= 254) keys.add(legacy);
    for (const key of keys) {
      const client = await this.deps.clients.findByEmail(key);
      if (client !== null) return client;
    }
    return null;
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.deps.hasher.hash(`dummy-${this.deps.ids.next()}`);
    return this.dummyHash;
  }
}

/** The account a login names, as throttling counts it: the normalized address when it has one. */
function accountKey(email: string): string {
  try {
    return normalizeEmail(email);
  } catch {
    return legacyEmailKey(email).slice(0, 254);
  }
}
