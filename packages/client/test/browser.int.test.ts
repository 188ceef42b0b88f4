import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as ClientModule from '../src/index.js';
import { startRealApi, type RealApi } from './support/real-api.js';

// The built package in a real browser: plain ESM, openapi-fetch through an import map, the
// session in sessionStorage, the API on another origin (CORS). Chromium is Debian's package.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  // eslint-disable-next-line no-console -- a skipped test must say why
  console.warn(
    `client browser test: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium)`,
  );
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PAGE = `<!doctype html><html><head><script type="importmap">
{"imports":{"openapi-fetch":"/openapi-fetch.mjs"}}</script>
<script type="module">import * as lib from '/client/index.js'; window.lib = lib;</script>
</head><body></body></html>`;

type Client = typeof ClientModule;

/** Serves the page, the client's dist/ and openapi-fetch: what a bundler would ship. */
function staticSite(): Promise<Server> {
  const files: Record<string, string> = {
    '/openapi-fetch.mjs': `${ROOT}node_modules/openapi-fetch/dist/index.mjs`,
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/') return res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE);
    const file =
      files[path] ??
      (/^\/client\/[\w-]+\.js$/.test(path) ? `${ROOT}packages/client/dist/${path.slice(8)}` : '');
    if (file === '' || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe.skipIf(!hasChromium)('the client in a browser, against the real API', () => {
  let site: Server;
  let api: RealApi;
  let origin = '';

  beforeAll(async () => {
    execFileSync('npx', ['tsc', '-b', 'packages/client'], { cwd: ROOT, stdio: 'inherit' });
    site = await staticSite();
    origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    api = await startRealApi({ RATE_LIMITS: 'off', CORS_ORIGINS: origin });
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await new Promise((resolve) => site?.close(resolve));
  });

  it('signs up, subscribes, refreshes once for parallel 401s, keeps the session in sessionStorage', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      let refreshes = 0;
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().endsWith('/auth/refresh')) refreshes += 1;
      });
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => 'lib' in window);
      const outcome = await page.evaluate(async (baseUrl) => {
        const { lib } = window as unknown as { lib: Client };
        const store = lib.webStorageTokenStore(sessionStorage);
        const btg = lib.createBtgClient({ baseUrl, tokenStore: store });
        const juana = { email: 'juana.navegador@example.com', password: 'una-clave-muy-segura' };
        await btg.api.POST('/api/v1/auth/register', {
          body: { ...juana, fullName: 'Juana Pérez', notificationPreference: 'email' },
        });
        await btg.login(juana);
        const key = lib.newIdempotencyKey();
        await btg.subscribe({ fundId: '1' }, { idempotencyKey: key });
        const replay = await btg.subscribe({ fundId: '1' }, { idempotencyKey: key });
        const refusal: unknown = await btg
          .subscribe({ fundId: '4', amount: '600000' })
          .catch((e: unknown) => e);
        const refreshToken = store.get()!.refreshToken;
        store.set({ accessToken: 'vencido.token.de-acceso', refreshToken });
        const [me] = await Promise.all([
          lib.unwrap(btg.api.GET('/api/v1/me')),
          lib.unwrap(btg.api.GET('/api/v1/transactions')),
          lib.unwrap(btg.api.GET('/api/v1/subscriptions')),
        ]);
        return {
          replayed: replay.replayed,
          refusal: {
            isApiError: refusal instanceof lib.ApiError,
            code: (refusal as InstanceType<Client['ApiError']>).code,
            detail: (refusal as InstanceType<Client['ApiError']>).detail,
          },
          balance: me.balance,
          stored: JSON.parse(sessionStorage.getItem('btg-funds.session') ?? 'null') as unknown,
          rotated: store.get()!.refreshToken !== refreshToken,
        };
      }, api.url);

      expect(outcome.replayed).toBe(true);
      expect(outcome.refusal).toEqual({
        isApiError: true,
        code: 'INSUFFICIENT_BALANCE',
        detail: 'No tiene saldo disponible para vincularse al fondo FDO-ACCIONES',
      });
      expect(outcome.balance).toBe('425000.00');
      expect(outcome.rotated).toBe(true);
      expect(outcome.stored).toMatchObject({ accessToken: expect.any(String) as string });
      expect(refreshes).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
