import { normalizeEmail } from '@btg-funds/domain';
import { isBusinessError } from '../errors.js';
import type { ClientRepository } from '../ports/index.js';
import type { RegisterClient } from './register-client.js';

/**
 * Creates the first admin from configuration (ADMIN_EMAIL / ADMIN_PASSWORD) when absent.
 * An existing account with that email is left untouched: configuration never silently
 * promotes a client.
 */
export class BootstrapAdmin {
  constructor(
    private readonly clients: ClientRepository,
    private readonly register: RegisterClient,
  ) {}

  async execute(input: {
    email: string;
    password: string;
    fullName?: string;
  }): Promise<'created' | 'exists'> {
    if ((await this.clients.findByEmail(normalizeEmail(input.email))) !== null) return 'exists';
    try {
      await this.register.register(
        {
          email: input.email,
          password: input.password,
          fullName: input.fullName ?? 'Administrador',
          notificationPreference: 'email',
        },
        'admin',
      );
      return 'created';
    } catch (error) {
      // Another instance created it first.
      if (isBusinessError(error) && error.code === 'EMAIL_TAKEN') return 'exists';
      throw error;
    }
  }
}
