import type { VerificationChallenge, VerificationChallengeStore } from '@btg-funds/application';
import type { NotificationChannel } from '@btg-funds/domain';
import { eventLoopTurn, type StorageTurn } from './storage-turn.js';

/**
 * Verification codes in memory. Only the newest challenge of a client and channel is ever read,
 * so it is the only one kept (with its "used" mark): memory stays one entry per client and
 * channel, whatever the number of resends.
 */
export class InMemoryVerificationChallengeStore implements VerificationChallengeStore {
  constructor(private readonly turn: StorageTurn = eventLoopTurn) {}

  private readonly newest = new Map<string, VerificationChallenge>();
  private readonly used = new Set<string>();

  async save(challenge: VerificationChallenge): Promise<void> {
    await this.turn();
    const key = slot(challenge.clientId, challenge.channel);
    const current = this.newest.get(key);
    if (current !== undefined && isNewer(current, challenge)) return;
    if (current !== undefined) this.used.delete(current.id);
    this.newest.set(key, challenge);
  }

  async latest(
    clientId: string,
    channel: NotificationChannel,
  ): Promise<VerificationChallenge | null> {
    await this.turn();
    return this.newest.get(slot(clientId, channel)) ?? null;
  }

  async consume(challengeId: string): Promise<boolean> {
    await this.turn();
    if (this.used.has(challengeId)) return false;
    this.used.add(challengeId);
    return true;
  }
}

const slot = (clientId: string, channel: NotificationChannel) => `${clientId}:${channel}`;

/** True when `a` sorts after `b` (createdAt, then id): the order `latest` answers in. */
function isNewer(a: VerificationChallenge, b: VerificationChallenge): boolean {
  const byTime = a.createdAt.getTime() - b.createdAt.getTime();
  return byTime !== 0 ? byTime > 0 : a.id > b.id;
}
