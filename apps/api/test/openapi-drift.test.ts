import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiJson } from '../src/openapi-document.js';

const COMMITTED = new URL('../../../openapi.json', import.meta.url);
const STALE = 'openapi.json differs from what the code serves: run `npm run openapi` and commit it';

describe('the committed contract', () => {
  it('is the document the server serves, byte for byte', async () => {
    const served = await openApiJson();
    const committed = readFileSync(COMMITTED, 'utf8');
    // Parsed first, so that a failure shows which operation or schema changed.
    expect(JSON.parse(committed) as unknown, STALE).toEqual(JSON.parse(served));
    expect(committed, STALE).toBe(served);
  });
});
