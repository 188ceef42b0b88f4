import { Client, type NotificationChannel } from '@btg-funds/domain';
import * as ApplicationErrors from '../application-errors.js';
import {
  DuplicateEmail,
  type BreachedPasswords,
  type ClientRepository,
  type Clock,
  type IdGenerator,
  type PasswordHasher,
  type Role,
} from '../ports/index.js';
import { profileFrom, type ClientProfile } from '../clients/client-profile.js';
import type { Deadline } from '../shared/deadline.js';
import { checkPassword } from './password-policy.js';

export interface RegisterClientInput {
  readonly email: string;
  readonly password: string;
  readonly fullName: string;
  readonly phone?: string | null | undefined;
  readonly notificationPreference: NotificationChannel;
  /** When the caller stops waiting: a password hash not started by then never is (ADR 0703). */
  readonly deadline?: Deadline | undefined;
}

/** POST /auth/register: always creates a `client`; the account opens with COP 500.000. */
export class RegisterClient {
  constructor(
    private readonly deps: {
      readonly clients: ClientRepository;
      readonly hasher: PasswordHasher;
      readonly ids: IdGenerator;
      readonly clock: Clock;
      /** Passwords refused because breaches made them common; none → length rules only. */
      readonly breached?: BreachedPasswords | undefined;
    },
  ) {}

  execute(input: RegisterClientInput): Promise<ClientProfile> {
    return this.register(input, 'client');
  }

  /** Used by the admin bootstrap only; never reachable from registration. */
  async register(input: RegisterClientInput, role: Role): Promise<ClientProfile> {
    const { deadline, ...details } = input;
    checkPassword(details.password, this.deps.breached);
    // Validate everything before paying for a bcrypt hash.
    const client = Client.create({
      ...details,
      id: this.deps.ids.next(),
      createdAt: this.deps.clock.now(),
    });
    const record = {
      client,
      auth: { role, passwordHash: await this.deps.hasher.hash(details.password, deadline) },
    };
    try {
      await this.deps.clients.add(record);
    } catch (error) {
      if (error instanceof DuplicateEmail) throw ApplicationErrors.emailTaken();
      throw error;
    }
    // A client created just now under a fresh id has no ledger entries: nothing to read, the
    // account is the opening one (ADR 0715; was a ledger head read and a probe).
    return profileFrom(record, null);
  }
}
