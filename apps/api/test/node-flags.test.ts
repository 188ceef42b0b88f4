import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- the bench is plain JavaScript outside every TypeScript project
import { API_NODE_ARGS } from '../../../bench/lib/servers.mjs';

const ROOT = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');

/** The Node flags written before `apps/api/dist/main.js` in a command line. */
function flagsBeforeMain(commandLine: string): string[] {
  const words = commandLine.replace(/[[\]",]/g, ' ').split(/\s+/);
  const main = words.indexOf('apps/api/dist/main.js');
  if (main < 0) throw new Error(`no apps/api/dist/main.js in: ${commandLine}`);
  const start = words.lastIndexOf('node', main) + 1 || words.lastIndexOf('"$NODE_BIN"', main) + 1;
  return words.slice(start, main).filter((word) => word.startsWith('--'));
}

/**
 * ADR 0712: the young generation is capped where the API is started — the image, `npm start`,
 * the production-layout smoke and the bench — so the bench measures the process production runs.
 */
describe('the Node flags of the API process', () => {
  const dockerCmd = read('Dockerfile')
    .split('\n')
    .find((line) => line.startsWith('CMD '));
  const npmStart = (JSON.parse(read('package.json')) as { scripts: Record<string, string> })
    .scripts['start'];
  const assembled = read('scripts/assemble-production.sh')
    .split('\n')
    .find((line) => line.includes('"$NODE_BIN"') && line.includes('apps/api/dist/main.js'));

  it('cap the young generation at a 16 MB semi-space in the bench', () => {
    expect(API_NODE_ARGS).toEqual(['--max-semi-space-size=16']);
  });

  it.each([
    ['the Dockerfile CMD', dockerCmd],
    ['npm start', npmStart],
    ['the production-layout smoke', assembled],
  ])('are the same in %s', (_where, commandLine) => {
    expect(commandLine).toBeDefined();
    expect(flagsBeforeMain(commandLine!)).toEqual(API_NODE_ARGS);
  });
});
