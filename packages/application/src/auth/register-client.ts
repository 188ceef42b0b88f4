import { Client, type NotificationChannel, type Role } from '@btg-funds/domain';
import type {
  BreachedPasswords,
  ClientRepository,
  Clock,
  IdGenerator,
  Ledger,
  PasswordHasher,
} from '../ports/index.js';
import { profileOf, type ClientProfile } from '../clients/client-profile.js';
import { checkPassword } from './password-policy.js';

export interface RegisterClientInput {
  readonly email: string;
  readonly password: string;
  readonly fullName: string;
  readonly phone?: string | null | undefined;
  readonly notificationPreference: NotificationChannel;
}

/** POST /auth/register: always creates a `client`; the account opens with COP 500.000. */
export class RegisterClient {
  constructor(
    private readonly deps: {
      readonly clients: ClientRepository;
      readonly ledger: Ledger;
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
    checkPassword(input.password, this.deps.breached);
    // Validate everything before paying for a bcrypt hash.
    const draft = Client.create({
      ...input,
      id: this.deps.ids.next(),
      role,
      passwordHash: '-',
      createdAt: this.deps.clock.now(),
    });
    const client = Client.restore({
      ...draft.toSnapshot(),
      passwordHash: await this.deps.hasher.hash(input.password),
    });
    await this.deps.clients.add(client);
    return profileOf(this.deps.ledger, client);
  }
}
