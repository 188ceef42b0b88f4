import { normalizeEmail } from '@btg-funds/domain';
import { ApplicationError } from '../errors.js';
import type { ClientRepository, IdGenerator, PasswordHasher } from '../ports/index.js';
import { issueTokenPair, type SessionDeps, type TokenPair } from './session-tokens.js';

/** POST /auth/login. Unknown email and wrong password give one identical answer. */
export class Login {
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly deps: SessionDeps & {
      readonly clients: ClientRepository;
      readonly hasher: PasswordHasher;
      readonly ids: IdGenerator;
    },
  ) {}

  async execute(input: { email: string; password: string }): Promise<TokenPair> {
    const client = await this.findClient(input.email);
    // Hash even for an unknown email, so response time does not reveal which emails exist.
    const hash = client?.passwordHash ?? (await this.dummy());
    const valid = await this.deps.hasher.verify(input.password, hash);
    if (client === null || !valid) throw invalidCredentials();
    return issueTokenPair(this.deps, client, this.deps.ids.next());
  }

  private async findClient(email: string) {
    try {
      return await this.deps.clients.findByEmail(normalizeEmail(email));
    } catch {
      return null;
    }
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.deps.hasher.hash(`dummy-${this.deps.ids.next()}`);
    return this.dummyHash;
  }
}

export function invalidCredentials(): ApplicationError {
  return new ApplicationError('INVALID_CREDENTIALS', 'Correo o contraseña incorrectos.');
}
