import { createHash } from 'node:crypto';
import type { UseCasePorts } from '../composition/use-case-ports.js';
import type {
  Clock,
  IdGenerator,
  NotificationSender,
  OutgoingNotification,
} from '../ports/index.js';
import { uniqueId } from './builders.js';
import { createFakeStorage } from './fakes/fake-storage.js';

export const testClock = (): Clock => ({ now: () => new Date() });
export const testIds = (): IdGenerator => ({ next: () => uniqueId('id') });

/** A sender that keeps what it was given (the messages a person would read). */
export class KeptMessages implements NotificationSender {
  readonly messages: OutgoingNotification[] = [];
  send(message: OutgoingNotification): Promise<void> {
    this.messages.push(message);
    return Promise.resolve();
  }
}

/**
 * Every port `createUseCases` needs, as fakes: fake storage, the system clock, unique ids, a
 * readable hash, tokens named after their claims, counting codes, messages kept in memory.
 * Override what a test is about: `testPorts({ ...storage, clock })`.
 */
export function testPorts(overrides: Partial<UseCasePorts> = {}): UseCasePorts {
  let codes = 0;
  const sent = new KeptMessages();
  return {
    ...createFakeStorage(),
    clock: testClock(),
    ids: testIds(),
    hasher: {
      hash: (password) => Promise.resolve(`h:${password}`),
      verify: (password, hash) => Promise.resolve(hash === `h:${password}`),
    },
    issuer: {
      issue: (claims) => Promise.resolve({ token: `jwt:${claims.clientId}`, expiresIn: 900 }),
    },
    secrets: {
      generate: () => uniqueId('secret'),
      digest: (token) => createHash('sha256').update(token).digest('hex'),
    },
    codes: { generate: () => String((codes += 1)).padStart(6, '0') },
    senders: { email: sent, sms: sent },
    ...overrides,
  };
}
