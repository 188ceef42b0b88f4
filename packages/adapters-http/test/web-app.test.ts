import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWebAppFiles, WEB_APP_CSP } from '../src/index.js';
import { createTestApp } from './support/test-app.js';

const INDEX = '<!doctype html><html lang="es-CO"><title>BTG Fondos</title><div id="root"></div>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;

/** A Vite-like build: index.html, fingerprinted assets, a root file, and files never to serve. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'btg-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-Ab12.js'), SCRIPT);
  writeFileSync(join(dir, 'assets', 'index-Ab12.js.map'), '{"sources":["secret.ts"]}');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, '.env'), 'SECRET=1');
  return dir;
}

describe('the web app served next to the API (ADR 0213)', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>['app'];
  beforeAll(async () => {
    const webApp = loadWebAppFiles(fakeBuild());
    ({ app } = await createTestApp({ overrides: { webApp } }));
  });

  it('answers / and every screen path with index.html, never cached, under the strict CSP', async () => {
    for (const path of [
      '/',
      '/fondos',
      '/historial/9a1b?tipo=failed',
      '/admin/clientes/x',
      '/ingresar/',
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control'), path).toBe('no-store');
      expect(res.headers.get('content-security-policy'), path).toBe(WEB_APP_CSP);
      expect(await res.text(), path).toBe(INDEX);
    }
    expect(WEB_APP_CSP).toContain("script-src 'self'");
    expect(WEB_APP_CSP).toContain("style-src 'self'");
    expect(WEB_APP_CSP).toContain("require-trusted-types-for 'script'");
    expect(WEB_APP_CSP).not.toContain('unsafe');
    expect((await app.request('/')).headers.get('x-frame-options')).toBe('DENY');
  });

  it('serves fingerprinted assets as immutable, gzipped when the browser accepts it', async () => {
    const plain = await app.request('/assets/index-Ab12.js');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await plain.text()).toBe(SCRIPT);
    const zipped = await app.request('/assets/index-Ab12.js', {
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(SCRIPT.length / 10);
    expect(gunzipSync(bytes).toString()).toBe(SCRIPT);
  });

  it('revalidates other files with their ETag', async () => {
    const first = await app.request('/favicon.svg');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+"$/);
    const again = await app.request('/favicon.svg', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('never serves source maps, dotfiles or a missing asset as HTML', async () => {
    for (const path of ['/assets/index-Ab12.js.map', '/.env', '/assets/nope.js', '/logo.png']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toContain('application/problem+json');
    }
  });

  it('never swallows /api/*, /health*, /metrics, /docs or /openapi.json', async () => {
    const problems = [
      '/api',
      '/api/',
      '/api/v1/nope',
      '/api/v2/funds',
      '/health/nope',
      '/metrics',
      '/docs/nope',
    ];
    for (const path of problems) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toContain('application/problem+json');
    }
    expect((await app.request('/api/v1/funds')).headers.get('content-type')).toContain(
      'application/json',
    );
    expect((await app.request('/health')).status).toBe(200);
    expect((await app.request('/docs')).status).toBe(302);
    expect((await app.request('/openapi.json')).status).toBe(302);
  });

  it('answers only GET: other methods on a screen path are problems, not the page', async () => {
    const res = await app.request('/fondos', {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('keeps the access log and metrics labels: API routes by pattern, the app as one label', async () => {
    const entries: { route: string; status: number }[] = [];
    const { app: logged } = await createTestApp({
      overrides: {
        webApp: loadWebAppFiles(fakeBuild()),
        onRequest: (entry) => entries.push({ route: entry.route, status: entry.status }),
      },
    });
    for (const path of ['/api/v1/funds', '/api/v1/funds/1', '/fondos', '/', '/api/v1/nope']) {
      await logged.request(path);
    }
    expect(entries).toEqual([
      { route: '/api/v1/funds', status: 200 },
      { route: '/api/v1/funds/:fundId', status: 200 },
      { route: '(web app)', status: 200 },
      { route: '/', status: 200 },
      { route: '(unmatched)', status: 404 },
    ]);
  });

  it('is absent when no build is there', async () => {
    expect(loadWebAppFiles(mkdtempSync(join(tmpdir(), 'btg-empty-')))).toBeNull();
    const { app: bare } = await createTestApp();
    const res = await bare.request('/fondos');
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
