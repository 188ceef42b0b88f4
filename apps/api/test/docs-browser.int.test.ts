import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi, spawnApi, type SpawnedApi } from './spawn-api.js';

// A real browser proves what an HTML assertion cannot: Swagger UI renders under the strict CSP
// and loads nothing from outside the server (no CDN). Chromium comes from Debian's package.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  // eslint-disable-next-line no-console -- a skipped test must say why
  console.warn(`docs-browser: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium)`);
}

describe.skipIf(!hasChromium)('interactive docs in a real browser', () => {
  let api: SpawnedApi;

  beforeAll(async () => {
    buildApi();
    api = await spawnApi();
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
  });

  const launch = async () => {
    const { chromium } = await import('playwright-core');
    return chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  };

  it('renders every operation from local assets only, without console errors', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      const foreign: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('request', (request) => {
        if (!request.url().startsWith(api.url)) foreign.push(request.url());
      });
      await page.goto(`${api.url}/api/v1/docs`, { waitUntil: 'networkidle' });
      await page.waitForSelector('.opblock', { timeout: 15_000 });
      const operations = await page.locator('.opblock').count();
      expect(operations).toBeGreaterThanOrEqual(20);
      expect(await page.locator('.title').first().innerText()).toContain('btg-funds');
      expect(problems).toEqual([]);
      expect(foreign).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('registers and then logs in with "Try it out" and the prefilled values only', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.goto(`${api.url}/api/v1/docs`, { waitUntil: 'networkidle' });
      // Swagger UI ids operations as operations-<tag>-<operationId>.
      for (const [operation, status] of [
        ['#operations-auth-register', '201'],
        ['#operations-auth-login', '200'],
      ] as const) {
        const block = page.locator(operation);
        await block.locator('.opblock-summary').click();
        await block.locator('.try-out__btn').click();
        await block.locator('.execute').click();
        const answered = block.locator('.live-responses-table tr.response .response-col_status');
        await answered.waitFor({ timeout: 15_000 });
        expect((await answered.innerText()).trim(), operation).toBe(status);
      }
    } finally {
      await browser.close();
    }
  }, 60_000);
});
