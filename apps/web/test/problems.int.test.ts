import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { hasChromium, launchBrowser, openPage, reportMissingChromium } from './support/browser.js';
import { startRealApi, type RealApi } from './support/real-api.js';
import {
  go,
  newClient,
  norm,
  PASSWORD,
  readSession,
  screen,
  signInTab,
  uniqueEmail,
} from './support/ui.js';

reportMissingChromium('web app: problems');

const problemJson = (
  status: number,
  code: string,
  detail: string,
  headers: Record<string, string> = {},
) => ({
  status,
  headers: { 'Content-Type': 'application/problem+json', ...headers },
  body: JSON.stringify({ type: 'about:blank', title: 'Problema', status, code, detail }),
});

// Every problem reaches the person in Spanish, whatever its code; the rate limits are real here.
describe.skipIf(!hasChromium)(
  'problems, limits and sessions in the browser',
  { timeout: 60_000 },
  () => {
    let api: RealApi;
    let browser: Browser;
    let origin = '';

    beforeAll(async () => {
      api = await startRealApi({
        RATE_LIMITS: 'on',
        LOGIN_FAILURES_PER_ADDRESS: '2',
        RATE_LIMIT_AUTH_PER_IP: '1000',
        RATE_LIMIT_MONEY_PER_CLIENT: '1000',
      });
      origin = api.url;
      browser = await launchBrowser();
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await api?.stop();
    });

    it('429: shows the detail and the seconds from Retry-After', async () => {
      const { context, page, watch } = await openPage(browser, origin);
      const { email } = await newClient(origin);
      await go(page, origin, '/ingresar', 'Ingresar');
      await page.getByRole('textbox', { name: 'Correo electrónico' }).fill(email);
      await page.getByRole('textbox', { name: 'Contraseña' }).fill('no-es-la-clave-correcta');
      let retryAfter = '';
      for (let attempt = 0; attempt < 4 && retryAfter === ''; attempt += 1) {
        const answer = page.waitForResponse((response) => response.url().endsWith('/auth/login'));
        await page.getByRole('button', { name: 'Ingresar' }).click();
        const response = await answer;
        if (response.status() === 429)
          retryAfter = (await response.headerValue('retry-after')) ?? '';
      }
      expect(Number(retryAfter)).toBeGreaterThan(0);
      const alert = norm(await page.getByRole('alert').textContent());
      expect(alert).toMatch(
        new RegExp(
          `Podrá intentarlo de nuevo en (${retryAfter}|${Number(retryAfter) - 1}) segundos\\.`,
        ),
      );
      expect(watch.problems).toEqual([]);
      await context.close();
    });

    it('503: a service banner with the wait, gone after a good answer', async () => {
      const { context, page } = await openPage(browser, origin);
      const { email } = await newClient(origin);
      await signInTab(context, origin, email);
      await page.route('**/api/v1/funds', (route) =>
        route.fulfill(
          problemJson(503, 'SERVICE_UNAVAILABLE', 'El servicio no está disponible.', {
            'Retry-After': '30',
          }),
        ),
      );
      await page.goto(`${origin}/fondos`);
      const banner = page.locator('.service-banner');
      await banner.waitFor();
      expect(norm(await banner.textContent())).toMatch(
        /^El servicio no está disponible en este momento\. Intente de nuevo en (30|29) segundos\. Su dinero está seguro/,
      );
      await page.unroute('**/api/v1/funds');
      await page.getByRole('button', { name: 'Reintentar' }).click();
      await banner.waitFor({ state: 'detached' });
      await screen(page, 'Fondos');
      expect(await page.locator('.fund-card').count()).toBe(5);
      await context.close();
    });

    it("a code this app has never seen still shows the server's Spanish detail", async () => {
      const { context, page } = await openPage(browser, origin);
      const { email } = await newClient(origin);
      await signInTab(context, origin, email);
      await page.route('**/api/v1/subscriptions', (route) =>
        route.request().method() === 'POST'
          ? route.fulfill(
              problemJson(
                429,
                'TOO_MANY_PENDING_OPERATIONS',
                'Tiene demasiadas operaciones en curso; espere un momento.',
                { 'Retry-After': '3' },
              ),
            )
          : route.continue(),
      );
      await go(page, origin, '/fondos', 'Fondos');
      await page.getByRole('button', { name: 'Suscribirse a DEUDAPRIVADA' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Confirmar' }).click();
      const alert = page.getByRole('dialog').getByRole('alert');
      await alert.waitFor();
      expect(norm(await alert.textContent())).toMatch(
        /^Tiene demasiadas operaciones en curso; espere un momento\.Podrá intentarlo de nuevo en [23] segundos\.$/,
      );
      await context.close();
    });

    it('field errors from the server appear next to their field', async () => {
      const { context, page } = await openPage(browser, origin);
      await go(page, origin, '/crear-cuenta', 'Crear cuenta');
      await page.getByRole('textbox', { name: 'Nombre completo' }).fill('Juana Pérez');
      await page.getByRole('textbox', { name: 'Correo electrónico' }).fill('juana@sin-dominio');
      await page.getByRole('textbox', { name: 'Contraseña' }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Crear cuenta' }).click();
      const email = page.getByRole('textbox', { name: 'Correo electrónico' });
      await page.waitForFunction(
        () =>
          document.querySelector('input[name="email"]')?.getAttribute('aria-invalid') === 'true',
      );
      const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
      expect(describedBy).not.toBe('');
      const message = norm(await page.locator(`[id="${describedBy}"]`).textContent());
      expect(message.length).toBeGreaterThan(5);
      expect(norm(await page.getByRole('alert').textContent())).toBe(
        'La solicitud no cumple el esquema esperado.',
      );
      await context.close();
    });

    it('a client who opens an admin page reads "No autorizado"', async () => {
      const { context, page } = await openPage(browser, origin);
      const { email } = await newClient(origin);
      await signInTab(context, origin, email);
      for (const path of ['/admin/clientes', '/admin/fondos']) {
        await go(page, origin, path, 'No autorizado');
        expect(norm(await page.locator('main').textContent())).toContain(
          'Su usuario no tiene permiso para ver esta página.',
        );
      }
      await context.close();
    });

    it('warns after 9 idle minutes, "Seguir conectado" keeps the session, 10 idle minutes sign out', async () => {
      const { context, page } = await openPage(browser, origin);
      const { email } = await newClient(origin);
      await signInTab(context, origin, email);
      await page.clock.install();
      await go(page, origin, '/', 'Hola, Juana');
      await page.clock.runFor(8 * 60_000);
      expect(await page.getByRole('dialog').count()).toBe(0);
      await page.clock.runFor(61_000);
      const warning = page.getByRole('dialog', { name: '¿Sigue ahí?' });
      await warning.waitFor();
      expect(norm(await warning.textContent())).toMatch(/cerraremos su sesión en \d+ segundos/);
      expect(await axeViolations(page)).toEqual([]);
      await warning.getByRole('button', { name: 'Seguir conectado' }).click();
      await warning.waitFor({ state: 'detached' });
      await page.clock.runFor(9 * 60_000 + 1_000);
      await warning.waitFor();
      await page.clock.runFor(61_000);
      await screen(page, 'Ingresar');
      expect(norm(await page.locator('main').textContent())).toContain(
        'Cerramos su sesión después de 10 minutos sin actividad',
      );
      expect(await readSession(page)).toBeNull();
      await context.close();
    });

    it('a wrong password is one calm message, and signing in takes the person where they were going', async () => {
      const { context, page } = await openPage(browser, origin);
      const email = uniqueEmail('marta');
      await page.goto(`${origin}/historial?estado=failed`);
      await screen(page, 'Ingresar');
      const { email: real } = await newClient(origin, 'Marta Ruiz');
      await page.getByRole('textbox', { name: 'Correo electrónico' }).fill(email);
      await page.getByRole('textbox', { name: 'Contraseña' }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Ingresar' }).click();
      await page.getByRole('alert').waitFor();
      await page.getByRole('textbox', { name: 'Correo electrónico' }).fill(real);
      await page.getByRole('button', { name: 'Ingresar' }).click();
      await screen(page, 'Historial');
      expect(new URL(page.url()).search).toBe('?estado=failed');
      await context.close();
    });
  },
);
