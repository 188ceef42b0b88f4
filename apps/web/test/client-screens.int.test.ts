import { readFileSync } from 'node:fs';
import { unwrap } from '@btg-funds/client';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import {
  DESKTOP,
  hasChromium,
  launchBrowser,
  NARROW,
  openPage,
  PHONE,
  reportMissingChromium,
  type Opened,
} from './support/browser.js';
import { startRealApi, WEB_DIST, type RealApi } from './support/real-api.js';
import { openDialog, overflowAt320, picture, visit, type Screen } from './support/screens.js';
import { newClient, norm, signInTab } from './support/ui.js';

reportMissingChromium('web app: client screens');

// Every client screen and dialog, on a desktop, a phone and at 320 px: axe-core (WCAG 2.2 AA)
// finds nothing, nothing scrolls sideways, a screenshot is kept, and the CSP is never violated.
describe.skipIf(!hasChromium)(
  'client screens: accessibility, reflow, screenshots, security',
  { timeout: 60_000 },
  () => {
    let api: RealApi;
    let browser: Browser;
    let origin = '';
    let signedIn: Opened;
    let signedOut: Opened;
    let failedId = '';
    const screens: Screen[] = [];

    beforeAll(async () => {
      api = await startRealApi();
      origin = api.url;
      browser = await launchBrowser();
      // Juana after the BTG story: funds 1, 2, 3 and 5, refused FDO-ACCIONES, cancelled DEUDAPRIVADA.
      const juana = await newClient(origin, 'Juana Pérez', { phone: '+573001234567' });
      const ids: Record<string, string> = {};
      for (const fundId of ['1', '2', '3', '5'])
        ids[fundId] = (await juana.btg.subscribe({ fundId })).result.subscription.id;
      await juana.btg.subscribe({ fundId: '4' }).catch(() => undefined);
      await juana.btg.cancel(ids['3']!);
      const history = await unwrap(juana.btg.api.GET('/api/v1/transactions'));
      failedId = history.items.find((item) => item.status === 'failed')!.id;
      signedIn = await openPage(browser, origin);
      await signInTab(signedIn.context, origin, juana.email);
      signedOut = await openPage(browser, origin);
      screens.push(
        { name: '10-inicio', path: '/', title: 'Hola, Juana' },
        { name: '11-fondos', path: '/fondos', title: 'Fondos' },
        {
          name: '12-fondos-suscribirse',
          path: '/fondos',
          title: 'Fondos',
          then: (page) => openDialog(page, 'Suscribirse a DEUDAPRIVADA'),
        },
        {
          name: '13-fondos-saldo-insuficiente',
          path: '/fondos',
          title: 'Fondos',
          then: async (page) => {
            await openDialog(page, 'Suscribirse a FDO-ACCIONES');
            await page.getByRole('dialog').getByRole('button', { name: 'Confirmar' }).click();
            await page.getByRole('dialog').getByRole('alert').waitFor();
          },
        },
        { name: '14-suscripciones', path: '/suscripciones', title: 'Mis suscripciones' },
        {
          name: '15-suscripciones-cancelar',
          path: '/suscripciones',
          title: 'Mis suscripciones',
          then: (page) => openDialog(page, 'Cancelar suscripción a FPV_BTG_PACTUAL_ECOPETROL'),
        },
        { name: '16-historial', path: '/historial', title: 'Historial' },
        { name: '17-historial-fallidas', path: '/historial?estado=failed', title: 'Historial' },
        {
          name: '18-detalle-movimiento',
          path: `/historial/${failedId}`,
          title: 'Detalle del movimiento',
        },
        { name: '19-notificaciones', path: '/notificaciones', title: 'Notificaciones' },
        { name: '20-perfil', path: '/perfil', title: 'Mi perfil' },
        { name: '21-no-autorizado', path: '/admin/fondos', title: 'No autorizado' },
        { name: '22-no-encontrada', path: '/no-existe', title: 'Página no encontrada' },
      );
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await api?.stop();
    });

    const check = async (tab: Opened, target: Screen) => {
      const { page } = tab;
      await page.setViewportSize(DESKTOP);
      await visit(page, origin, target);
      expect(await axeViolations(page), `${target.name} desktop`).toEqual([]);
      await picture(page, target.name, 'escritorio');
      await page.setViewportSize(PHONE);
      await picture(page, target.name, 'celular');
      await page.setViewportSize(NARROW);
      expect(await overflowAt320(page), `${target.name} at 320 px`).toEqual([]);
      expect(await axeViolations(page), `${target.name} at 320 px`).toEqual([]);
      await page.keyboard.press('Escape'); // leave no dialog open for the next screen
    };

    it('signed out: Ingresar and Crear cuenta', async () => {
      await check(signedOut, { name: '01-ingresar', path: '/ingresar', title: 'Ingresar' });
      await check(signedOut, {
        name: '02-crear-cuenta-errores',
        path: '/crear-cuenta',
        title: 'Crear cuenta',
        then: async (page) => {
          await page.getByRole('button', { name: 'Crear cuenta' }).click();
          await page.locator('.field-error').first().waitFor();
        },
      });
      await check(signedOut, {
        name: '03-crear-cuenta',
        path: '/crear-cuenta',
        title: 'Crear cuenta',
      });
    });

    it('a brand-new client: Inicio with empty states', async () => {
      const ana = await newClient(origin, 'Ana Gómez');
      const tab = await openPage(browser, origin);
      await signInTab(tab.context, origin, ana.email);
      await check(tab, { name: '09-inicio-vacio', path: '/', title: 'Hola, Ana' });
      await check(tab, { name: '09-historial-vacio', path: '/historial', title: 'Historial' });
      expect(tab.watch.problems).toEqual([]);
      await tab.context.close();
    });

    it('every signed-in screen and dialog', async () => {
      for (const target of screens) await check(signedIn, target);
    }, 180_000);

    it('the skip link is the first Tab stop and lands on the main content', async () => {
      const { page } = signedIn;
      await page.setViewportSize(DESKTOP);
      // A fresh load starts at the top of the document (later screens focus their title).
      await visit(page, origin, { name: 'skip', path: '/historial', title: 'Historial' });
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => document.activeElement?.textContent);
      expect(first).toBe('Saltar al contenido');
      expect(await page.locator('.skip-link').isVisible()).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenido');
      expect(await page.getByRole('main').count()).toBe(1);
      expect(await page.getByRole('banner').count()).toBe(1);
      expect(await page.getByRole('contentinfo').count()).toBe(1);
    });

    it('the phone menu opens, lists every screen, and keeps the balance in sight', async () => {
      const { page } = signedIn;
      await page.setViewportSize(PHONE);
      await visit(page, origin, { name: 'menu', path: '/', title: 'Hola, Juana' });
      expect(await page.getByRole('navigation', { name: 'Principal' }).isVisible()).toBe(false);
      expect(norm(await page.locator('.balance-pill').textContent())).toBe(
        'Saldo disponible$ 200.000',
      );
      const menu = page.getByRole('button', { name: 'Menú' });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      const links = await page
        .getByRole('navigation', { name: 'Principal' })
        .getByRole('link')
        .allTextContents();
      expect(links).toEqual([
        'Inicio',
        'Fondos',
        'Mis suscripciones',
        'Historial',
        'Notificaciones',
        'Mi perfil',
      ]);
      expect(await axeViolations(page)).toEqual([]);
      await picture(page, '23-menu', 'celular');
      await page.getByRole('link', { name: 'Historial', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Historial' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Principal' }).isVisible()).toBe(false);
    });

    it('is served with the strict CSP, immutable assets and an uncached index.html; nothing else loads', async () => {
      const home = await fetch(`${origin}/fondos`);
      const csp = home.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("require-trusted-types-for 'script'");
      expect(csp).not.toMatch(/unsafe|\*|https?:/);
      expect(home.headers.get('cache-control')).toBe('no-store');
      const html = await home.text();
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|\sstyle=|<style/);
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map(
        (match) => match[1]!,
      );
      expect(assets.length).toBeGreaterThanOrEqual(2);
      for (const asset of assets) {
        const response = await fetch(`${origin}${asset}`);
        expect(response.status, asset).toBe(200);
        expect(response.headers.get('cache-control'), asset).toBe(
          'public, max-age=31536000, immutable',
        );
      }
      for (const path of ['/api/v1/nada', '/api', '/health/x', '/docs/x']) {
        const response = await fetch(`${origin}${path}`);
        expect(response.status, path).toBe(404);
        expect(response.headers.get('content-type'), path).toContain('application/problem+json');
      }
      // /metrics is Prometheus text here (no METRICS_PORT), never the app's page.
      expect((await fetch(`${origin}/metrics`)).headers.get('content-type')).not.toContain(
        'text/html',
      );
      expect((await fetch(`${origin}/docs`, { redirect: 'manual' })).status).toBe(302);
      expect((await fetch(`${origin}/openapi.json`, { redirect: 'manual' })).status).toBe(302);
      for (const tab of [signedIn, signedOut]) {
        expect(tab.watch.problems).toEqual([]);
        expect(tab.watch.requests.every((url) => url.startsWith(origin))).toBe(true);
      }
    });

    it('keeps the initial JavaScript within 130 kB gzipped, as measured by the build', () => {
      const report = JSON.parse(readFileSync(`${WEB_DIST}/initial-js.json`, 'utf8')) as {
        totalBytes: number;
        files: { name: string }[];
      };
      expect(report.totalBytes).toBeLessThanOrEqual(130_000);
      // The measured files are exactly the scripts index.html makes the browser fetch first.
      const html = readFileSync(`${WEB_DIST}/index.html`, 'utf8');
      const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map(
        (match) => match[1],
      );
      expect(report.files.map((file) => file.name).sort()).toEqual(initial.sort());
    });
  },
);
