import { createBtgClient, isApiError } from '@btg-funds/client';
import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  launchBrowser,
  openPage,
  reportMissingChromium,
  type Opened,
} from './support/browser.js';
import { startRealApi, type RealApi } from './support/real-api.js';
import {
  go,
  headerBalance,
  newClient,
  norm,
  readSession,
  screen,
  signInTab,
  transactionsOf,
  waitForText,
  writeSession,
} from './support/ui.js';

reportMissingChromium('web app: money safety');

const moneyCalls = (requests: Request[]) =>
  requests.filter(
    (request) =>
      /\/api\/v1\/subscriptions(\/|$)/.test(new URL(request.url()).pathname) &&
      request.method() !== 'GET',
  );

// Money moves once per intent: double clicks, lost answers, expired tokens and keyboards.
describe.skipIf(!hasChromium)(
  'money in the browser moves exactly once',
  { timeout: 60_000 },
  () => {
    let api: RealApi;
    let browser: Browser;
    let origin = '';

    beforeAll(async () => {
      api = await startRealApi();
      origin = api.url;
      browser = await launchBrowser();
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await api?.stop();
    });

    /** A fresh client signed in in a fresh tab; every request the tab sends is recorded. */
    async function signedInTab(): Promise<
      Opened & { client: Awaited<ReturnType<typeof newClient>>; sent: Request[] }
    > {
      const client = await newClient(origin);
      const opened = await openPage(browser, origin);
      await signInTab(opened.context, origin, client.email);
      const sent: Request[] = [];
      opened.page.on('request', (request) => sent.push(request));
      return { ...opened, client, sent };
    }

    it('a double click on "Confirmar" gives one transaction', async () => {
      const tab = await signedInTab();
      const { page } = tab;
      await go(page, origin, '/fondos', 'Fondos');
      await page.getByRole('button', { name: 'Suscribirse a DEUDAPRIVADA' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Confirmar' }).dblclick();
      await dialog.waitFor({ state: 'detached' });
      await waitForText(page, '.balance-value', '$ 450.000');
      const transactions = await transactionsOf(tab.client.btg);
      expect(transactions.map((t) => [t.type, t.status, t.fundName])).toEqual([
        ['subscription', 'completed', 'DEUDAPRIVADA'],
      ]);
      const keys = new Set(
        moneyCalls(tab.sent).map((request) => request.headers()['idempotency-key']),
      );
      expect(keys.size).toBe(1);
      expect(tab.watch.problems).toEqual([]);
      await tab.context.close();
    });

    it('an answer lost on the way (504 OUTCOME_UNKNOWN) is said plainly; "Reintentar" keeps the key and moves money once', async () => {
      const tab = await signedInTab();
      const { page } = tab;
      let lost = 0;
      // The first POST reaches the server (money moves) but its answer is replaced by a 504.
      await page.route('**/api/v1/subscriptions', async (route) => {
        if (route.request().method() !== 'POST' || lost > 0) return route.continue();
        lost += 1;
        await route.fetch();
        await route.fulfill({
          status: 504,
          headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '1' },
          body: JSON.stringify({
            type: 'about:blank',
            title: 'Resultado desconocido',
            status: 504,
            code: 'OUTCOME_UNKNOWN',
            detail: 'La operación puede haberse aplicado; consulte su historial o reintente.',
          }),
        });
      });
      await go(page, origin, '/fondos', 'Fondos');
      await page.getByRole('button', { name: 'Suscribirse a FPV_BTG_PACTUAL_RECAUDADORA' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Confirmar' }).click();
      const alert = dialog.getByRole('alert');
      await alert.waitFor();
      const said = norm(await alert.textContent());
      expect(said).toContain('No pudimos confirmar si la suscripción se realizó.');
      expect(said).toContain(
        'La operación puede haberse aplicado; consulte su historial o reintente.',
      );
      expect(said).toContain('no se hará de nuevo ni se cobrará dos veces');
      await dialog.getByRole('button', { name: 'Reintentar' }).click();
      await dialog.waitFor({ state: 'detached' });
      await waitForText(page, '.balance-value', '$ 425.000');

      const posts = moneyCalls(tab.sent);
      expect(posts).toHaveLength(2);
      expect(posts[1]!.headers()['idempotency-key']).toBe(posts[0]!.headers()['idempotency-key']);
      const transactions = await transactionsOf(tab.client.btg);
      expect(transactions).toHaveLength(1);
      await tab.context.close();
    });

    it('a forced token expiry gives one refresh for parallel requests, and a money request is replayed with its key', async () => {
      const tab = await signedInTab();
      const { page } = tab;
      await go(page, origin, '/', 'Hola, Juana');
      const session = (await readSession(page))!;
      await writeSession(page, { ...session, accessToken: 'vencido.token.de-acceso' });
      const refreshes = () =>
        tab.sent.filter((request) => request.url().endsWith('/api/v1/auth/refresh')).length;

      // Inicio fires /me, /subscriptions and /transactions together: all 401, one refresh.
      await page.reload();
      await screen(page, 'Hola, Juana');
      expect(refreshes()).toBe(1);
      expect(await headerBalance(page)).toBe('$ 500.000');

      const renewed = (await readSession(page))!;
      expect(renewed.refreshToken).not.toBe(session.refreshToken);
      await go(page, origin, '/fondos', 'Fondos');
      await writeSession(page, { ...renewed, accessToken: 'vencido.otra.vez' });
      await page.getByRole('button', { name: 'Suscribirse a DEUDAPRIVADA' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Confirmar' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await waitForText(page, '.balance-value', '$ 450.000');
      expect(refreshes()).toBe(2);
      const posts = moneyCalls(tab.sent);
      expect(posts).toHaveLength(2); // refused with the stale token, replayed with the new one
      expect(posts[1]!.headers()['idempotency-key']).toBe(posts[0]!.headers()['idempotency-key']);
      expect(await transactionsOf(tab.client.btg)).toHaveLength(1);
      expect(tab.watch.problems).toEqual([]);
      await tab.context.close();
    });

    it('a reused refresh token signs the person out with the reason', async () => {
      const tab = await signedInTab();
      const { page } = tab;
      await go(page, origin, '/', 'Hola, Juana');
      const session = (await readSession(page))!;
      // Someone else uses this tab's refresh token first: the tab's next refresh is a reuse.
      await createBtgClient({ baseUrl: origin }).api.POST('/api/v1/auth/refresh', {
        body: { refreshToken: session.refreshToken },
      });
      await writeSession(page, { ...session, accessToken: 'vencido.token.de-acceso' });
      await page.getByRole('link', { name: 'Historial', exact: true }).click();
      await screen(page, 'Ingresar');
      const notice = norm(await page.locator('main [role="status"]').first().textContent());
      expect(notice).toMatch(/^Su sesión terminó: .+ Ingrese de nuevo\.$/);
      expect(await readSession(page)).toBeNull();
      await tab.context.close();
    });

    it('subscribes and cancels with the keyboard only; focus returns where it should', async () => {
      const tab = await signedInTab();
      const { page } = tab;
      await go(page, origin, '/fondos', 'Fondos');
      const focused = () =>
        page.evaluate(() =>
          (document.activeElement?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        );
      const tabTo = async (text: string) => {
        for (let presses = 0; presses < 40; presses += 1) {
          if ((await focused()) === text) return;
          await page.keyboard.press('Tab');
        }
        throw new Error(`"${text}" never received focus`);
      };

      // Escape closes the dialog and gives focus back to the button that opened it.
      await tabTo('Suscribirse a FPV_BTG_PACTUAL_DINAMICA');
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').waitFor();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(
        'amount',
      );
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      expect(await focused()).toBe('Suscribirse a FPV_BTG_PACTUAL_DINAMICA');

      // Enter in the amount field confirms.
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await waitForText(page, '.balance-value', '$ 400.000');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

      await go(page, origin, '/suscripciones', 'Mis suscripciones');
      await tabTo('Cancelar suscripción a FPV_BTG_PACTUAL_DINAMICA');
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').waitFor();
      expect(await focused()).toBe('No, mantenerla');
      await page.keyboard.press('Tab');
      expect(await focused()).toBe('Sí, cancelar');
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await waitForText(page, '.balance-value', '$ 500.000');
      const transactions = await transactionsOf(tab.client.btg);
      expect(transactions.map((t) => t.type)).toEqual(['cancellation', 'subscription']);
      expect(tab.watch.problems).toEqual([]);
      await tab.context.close();
    });

    it('a logout while signed in leaves no usable session behind', async () => {
      const tab = await signedInTab();
      const { page } = tab;
      await go(page, origin, '/', 'Hola, Juana');
      const { refreshToken } = (await readSession(page))!;
      await page.getByRole('button', { name: 'Cerrar sesión' }).click();
      await screen(page, 'Ingresar');
      const reuse = await createBtgClient({ baseUrl: origin })
        .api.POST('/api/v1/auth/refresh', { body: { refreshToken } })
        .catch((error: unknown) => error);
      expect(isApiError(reuse) && reuse.status).toBe(401);
      await page.goto(`${origin}/historial`);
      await screen(page, 'Ingresar');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/historial');
      await tab.context.close();
    });
  },
);
