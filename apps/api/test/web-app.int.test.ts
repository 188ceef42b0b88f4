import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApi, spawnApi } from './spawn-api.js';

/** A stand-in for apps/web/dist: this suite is about wiring, the web suite about the app. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'btg-web-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>BTG Fondos</title>');
  writeFileSync(join(dir, 'assets', 'index-x1.js'), 'export {};');
  return dir;
}

describe('the process serves the built web app (WEB_DIST_DIR, ADR 0213)', () => {
  beforeAll(() => buildApi(), 120_000);

  it('serves index.html at / and on screen paths, assets immutable, the API untouched', async () => {
    const api = await spawnApi({ WEB_DIST_DIR: fakeBuild() });
    try {
      for (const path of ['/', '/fondos', '/historial/abc']) {
        const res = await fetch(`${api.url}${path}`);
        expect(res.status, path).toBe(200);
        expect(await res.text(), path).toContain('<title>BTG Fondos</title>');
        expect(res.headers.get('content-security-policy'), path).toContain("script-src 'self'");
      }
      const asset = await fetch(`${api.url}/assets/index-x1.js`);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const funds = await fetch(`${api.url}/api/v1/funds`);
      expect(funds.headers.get('content-type')).toContain('application/json');
      const unknown = await fetch(`${api.url}/api/v1/nada`);
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    } finally {
      await api.stop();
    }
  });

  it('WEB_DIST_DIR=off serves no app: / goes to the docs', async () => {
    const api = await spawnApi({ WEB_DIST_DIR: 'off' });
    try {
      const res = await fetch(`${api.url}/`, { redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/api/v1/docs');
    } finally {
      await api.stop();
    }
  });

  it('a WEB_DIST_DIR without index.html stops the start, naming the variable', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'btg-web-empty-'));
    await expect(spawnApi({ WEB_DIST_DIR: empty })).rejects.toThrow(/WEB_DIST_DIR/);
  });
});
