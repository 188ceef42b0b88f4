import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateTypes, OPENAPI_JSON, TYPES_FILE } from '../scripts/generate-types.mjs';

describe('the generated types', () => {
  it('are what openapi-typescript makes of the committed openapi.json', async () => {
    const expected = await generateTypes(readFileSync(OPENAPI_JSON, 'utf8'));
    expect(
      readFileSync(TYPES_FILE, 'utf8'),
      'src/generated/openapi.ts is stale: run `npm run openapi` (or `npm run generate -w @btg-funds/client`)',
    ).toBe(expected);
  });
});
