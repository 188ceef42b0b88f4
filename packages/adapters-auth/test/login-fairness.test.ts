import { HashingNotStarted } from '@btg-funds/application';
import { hashSync } from '@node-rs/bcrypt';
import { createSecretKey, generateKeyPairSync, pbkdf2 } from 'node:crypto';
import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  BcryptPasswordHasher,
  defaultHashingConcurrency,
  FifoGate,
} from '../src/bcrypt-password-hasher.js';
import { JoseTokenIssuer } from '../src/jose-token-issuer.js';
import type { JwtSettings } from '../src/jwt-settings.js';

// ADR 0703. Ordering only, no timing: which of two things the event loop hears about first.
const POOL = Number(process.env.UV_THREADPOOL_SIZE) || 4;

/** `count` jobs of libuv's thread pool; `done()` says how many have called back so far. */
function fillThreadPool(count: number, iterations: number) {
  let finished = 0;
  const all = Array.from(
    { length: count },
    () =>
      new Promise<void>((resolve, reject) =>
        pbkdf2('x', 'salt', iterations, 32, 'sha256', (error) => {
          finished += 1;
          if (error) reject(error);
          else resolve();
        }),
      ),
  );
  return { done: () => finished, all: Promise.all(all) };
}

const settings = (algorithm: 'EdDSA' | 'HS256'): JwtSettings => {
  const pair = generateKeyPairSync('ed25519');
  const secret = createSecretKey(Buffer.alloc(32, 7));
  return {
    algorithm,
    signingKey: algorithm === 'EdDSA' ? pair.privateKey : secret,
    verificationKey: algorithm === 'EdDSA' ? pair.publicKey : secret,
    issuer: 'btg-funds',
    audience: 'btg-funds-api',
    accessTtlSeconds: 900,
    clockToleranceSeconds: 5,
    now: () => new Date(),
  };
};

describe('login fairness (ADR 0703)', () => {
  it.each(['EdDSA', 'HS256'] as const)(
    'signs a %s token without waiting for a busy thread pool, and jose verifies it',
    async (algorithm) => {
      const jwt = settings(algorithm);
      const busy = fillThreadPool(POOL + 4, 200_000);
      const { token } = await new JoseTokenIssuer(jwt).issue({
        clientId: 'c-1',
        role: 'client',
        sessionId: 's-1',
      });
      expect(busy.done()).toBe(0); // on WebCrypto the signature queued behind the pool jobs
      await busy.all;
      const { payload, protectedHeader } = await jwtVerify(token, jwt.verificationKey, {
        algorithms: [algorithm],
        issuer: jwt.issuer,
        audience: jwt.audience,
        typ: 'at+jwt',
      });
      expect(payload).toMatchObject({ sub: 'c-1', role: 'client', sid: 's-1' });
      expect(payload.exp! - payload.iat!).toBe(900);
      expect(protectedHeader.kid !== undefined).toBe(algorithm === 'EdDSA');
    },
  );

  it('leaves a pool thread free while many hashes wait: other pool work is not queued behind them', async () => {
    const passwordHash = hashSync('secret-password', { cost: 10 });
    const hasher = new BcryptPasswordHasher(10);
    let verified = 0;
    const logins = Array.from({ length: POOL + 4 }, () =>
      hasher.verify('secret-password', passwordHash).then((ok) => {
        verified += 1;
        return ok;
      }),
    );
    const other = fillThreadPool(1, 1_000);
    await other.all;
    expect(verified).toBe(0); // with every hash in the pool, this waited for several of them
    expect(await Promise.all(logins)).toEqual(logins.map(() => true));
  });

  it('answers concurrent logins first come, first served', async () => {
    // The first login is the slowest (a cost-10 hash): in the pool the others would overtake it.
    const slow = hashSync('secret-password', { cost: 10 });
    const fast = hashSync('secret-password', { cost: 4 });
    const hasher = new BcryptPasswordHasher(4, 1);
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        hasher.verify(i % 2 ? 'secret-password' : 'wrong', i === 0 ? slow : fast).then(() => {
          order.push(i);
        }),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('runs at most `limit` tasks at once, the rest in arrival order, after failures too', async () => {
    const gate = new FifoGate(2);
    const release: (() => void)[] = [];
    const started: number[] = [];
    const finished: number[] = [];
    const tasks = Array.from({ length: 5 }, (_, i) =>
      gate
        .run(async () => {
          started.push(i);
          await new Promise<void>((resolve) => release.push(resolve));
          if (i === 1) throw new Error('boom');
        })
        .then(
          () => finished.push(i),
          () => finished.push(-i),
        ),
    );
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    await settle();
    expect(started).toEqual([0, 1]);
    release[1]!();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    for (let i = 0; i < 4; i += 1) {
      release[[0, 2, 3, 4][i]!]!();
      await settle();
    }
    await Promise.all(tasks);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(finished).toEqual([-1, 0, 2, 3, 4]);
  });

  it('never starts a task whose deadline passed while it waited, and hands its turn on', async () => {
    const gate = new FifoGate(1);
    let release = () => {};
    const first = gate.run(() => new Promise<string>((resolve) => (release = () => resolve('a'))));
    let remaining = 10_000;
    const started: string[] = [];
    const queued = gate.run(
      () => {
        started.push('b');
        return Promise.resolve('b');
      },
      { remainingMs: () => remaining },
    );
    const next = gate.run(() => {
      started.push('c');
      return Promise.resolve('c');
    });
    // Its request is answered while it waits: by its turn nobody waits for it.
    remaining = 0;
    release();
    await expect(first).resolves.toBe('a');
    await expect(queued).rejects.toBeInstanceOf(HashingNotStarted);
    await expect(next).resolves.toBe('c');
    expect(started).toEqual(['c']);
  });

  it('finishes a task already started when its deadline passes', async () => {
    const gate = new FifoGate(1);
    let remaining = 10_000;
    const result = gate.run(
      async () => {
        remaining = 0;
        await new Promise((resolve) => setImmediate(resolve));
        return 'done';
      },
      { remainingMs: () => remaining },
    );
    await expect(result).resolves.toBe('done');
  });

  it('a check not started says so instead of answering false (a wrong password)', async () => {
    const hasher = new BcryptPasswordHasher(4, 1);
    const stored = hashSync('secret-password', { cost: 4 });
    const answered = { remainingMs: () => 0 };
    await expect(hasher.verify('secret-password', stored, answered)).rejects.toBeInstanceOf(
      HashingNotStarted,
    );
    await expect(hasher.verify('wrong', stored, answered)).rejects.toBeInstanceOf(
      HashingNotStarted,
    );
    await expect(hasher.hash('secret-password', answered)).rejects.toBeInstanceOf(
      HashingNotStarted,
    );
    // With time left, the same calls hash and compare.
    const live = { remainingMs: () => 10_000 };
    await expect(hasher.verify('secret-password', stored, live)).resolves.toBe(true);
    await expect(hasher.verify('wrong', stored, live)).resolves.toBe(false);
  });

  it('hashes one per core by default, always leaving one of the pool threads free', () => {
    expect(defaultHashingConcurrency(2, 4)).toBe(2);
    expect(defaultHashingConcurrency(8, 4)).toBe(3);
    expect(defaultHashingConcurrency(1, 1)).toBe(1);
    expect(defaultHashingConcurrency(16, 16)).toBe(15);
  });
});
