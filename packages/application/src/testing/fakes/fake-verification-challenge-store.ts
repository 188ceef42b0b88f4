import type { NotificationChannel } from '@btg-funds/domain';
import type { VerificationChallenge, VerificationChallengeStore } from '../../ports/index.js';
import { tick } from './tick.js';

/** Every challenge saved; `latest` is the newest by (createdAt, id) of a client and channel. */
export class FakeVerificationChallengeStore implements VerificationChallengeStore {
  private readonly challenges: VerificationChallenge[] = [];
  private readonly used = new Set<string>();

  async save(challenge: VerificationChallenge): Promise<void> {
    await tick();
    this.challenges.push(challenge);
  }

  async latest(clientId: string, channel: NotificationChannel) {
    await tick();
    const newestFirst = (a: VerificationChallenge, b: VerificationChallenge) =>
      b.createdAt.getTime() - a.createdAt.getTime() || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0);
    return (
      this.challenges
        .filter((c) => c.clientId === clientId && c.channel === channel)
        .sort(newestFirst)[0] ?? null
    );
  }

  async consume(challengeId: string): Promise<boolean> {
    await tick();
    if (this.used.has(challengeId)) return false;
    this.used.add(challengeId);
    return true;
  }
}
