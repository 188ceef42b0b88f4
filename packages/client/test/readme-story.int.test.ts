import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transaction } from '../src/index.js';
import { btgStory } from './support/btg-story.js';
import { startRealApi, type RealApi } from './support/real-api.js';

const between = (text: string, start: RegExp, end: RegExp): string[] => {
  const lines = text.split('\n');
  const from = lines.findIndex((line) => start.test(line));
  const to = lines.findIndex((line, i) => i > from && end.test(line));
  return lines.slice(from + 1, to).map((line) => line.trim());
};

describe('the README story', () => {
  let server: RealApi;
  beforeAll(async () => {
    server = await startRealApi({ RATE_LIMITS: 'off' });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('is the code this test runs, line for line', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const story = readFileSync(new URL('./support/btg-story.ts', import.meta.url), 'utf8');
    const shown = between(readme, /^```ts$/, /^```$/).filter((l) => !l.startsWith('import '));
    expect(shown).toEqual(between(story, /readme:start/, /readme:end/));
    expect(shown).toHaveLength(10);
  });

  it('runs against the real API: four subscriptions, the refusal, a cancellation', async () => {
    const [refusal, history] = (await btgStory(server.url)) as [string, Transaction[]];
    expect(refusal).toBe('No tiene saldo disponible para vincularse al fondo FDO-ACCIONES');
    expect(history.map((t) => `${t.type} ${t.fundId} ${t.status}`)).toEqual([
      'cancellation 5 completed',
      'subscription 4 failed',
      'subscription 5 completed',
      'subscription 3 completed',
      'subscription 2 completed',
      'subscription 1 completed',
    ]);
  });
});
