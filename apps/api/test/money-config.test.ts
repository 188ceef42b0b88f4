import { keyIdOf } from '@btg-funds/adapters-auth';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';

const base = { NODE_ENV: 'development' } as const;
const pem = (type: 'pkcs8' | 'spki', key = generateKeyPairSync('ed25519')) =>
  (type === 'pkcs8' ? key.privateKey : key.publicKey).export({ type, format: 'pem' }).toString();

describe('money and key-rotation configuration', () => {
  it('caps pending money operations per client at 10 by default; none with RATE_LIMITS=off', () => {
    expect(loadConfig(base).money.maxPendingPerClient).toBe(10);
    expect(loadConfig({ ...base, MONEY_MAX_PENDING_PER_CLIENT: '3' }).money).toEqual({
      maxPendingPerClient: 3,
    });
    expect(loadConfig({ ...base, RATE_LIMITS: 'off' }).money.maxPendingPerClient).toBe(0);
    expect(() => loadConfig({ ...base, MONEY_MAX_PENDING_PER_CLIENT: '-1' })).toThrow(
      'MONEY_MAX_PENDING_PER_CLIENT',
    );
  });

  it('reads previous public keys with JWT_PRIVATE_KEY, and refuses them without it', () => {
    const previous = generateKeyPairSync('ed25519');
    const { jwt } = loadConfig({
      ...base,
      JWT_PRIVATE_KEY: pem('pkcs8'),
      JWT_PREVIOUS_PUBLIC_KEYS: pem('spki', previous).replace(/\n/g, '\\n'),
    });
    expect(jwt.keys.previousVerificationKeys?.map(keyIdOf)).toEqual([keyIdOf(previous.publicKey)]);
    expect(() => loadConfig({ ...base, JWT_PREVIOUS_PUBLIC_KEYS: pem('spki') })).toThrow(
      'JWT_PREVIOUS_PUBLIC_KEYS needs JWT_PRIVATE_KEY',
    );
    expect(() =>
      loadConfig({ ...base, JWT_PRIVATE_KEY: pem('pkcs8'), JWT_PREVIOUS_PUBLIC_KEYS: 'garbage' }),
    ).toThrow(/^invalid|^JWT_PREVIOUS_PUBLIC_KEYS holds no PEM public key/);
  });
});
