import { createBtgClient } from '@btg-funds/client';
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
import { ADMIN, startRealApi, type RealApi } from './support/real-api.js';
import { openDialog, overflowAt320, picture, visit, type Screen } from './support/screens.js';
import { go, newClient, norm, screen, signInTab, waitForText } from './support/ui.js';

reportMissingChromium('web app: admin');

describe.skipIf(!hasChromium)(
  'admin screens in the browser, against the real API',
  { timeout: 60_000 },
  () => {
    let api: RealApi;
    let browser: Browser;
    let origin = '';
    let admin: Opened;
    let pedroId = '';

    beforeAll(async () => {
      api = await startRealApi();
      origin = api.url;
      browser = await launchBrowser();
      // 22 clients (more than one page of 20); Pedro has a history with a refused attempt.
      const pedro = await newClient(origin, 'Pedro Gómez');
      await pedro.btg.subscribe({ fundId: '1' });
      await pedro.btg.subscribe({ fundId: '4', amount: '450000' }).catch(() => undefined);
      pedroId = (await pedro.btg.api.GET('/api/v1/me')).data!.id;
      for (let index = 0; index < 21; index += 1) await newClient(origin, `Cliente Número${index}`);
      admin = await openPage(browser, origin);
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await api?.stop();
    });

    it('signs in through the form and lands on Clientes, a page at a time ("Ver más")', async () => {
      const { page } = admin;
      await go(page, origin, '/ingresar', 'Ingresar');
      await page.getByRole('textbox', { name: 'Correo electrónico' }).fill(ADMIN.email);
      await page.getByRole('textbox', { name: 'Contraseña' }).fill(ADMIN.password);
      await page.getByRole('button', { name: 'Ingresar' }).click();
      await screen(page, 'Clientes');
      expect(new URL(page.url()).pathname).toBe('/admin/clientes');
      expect(await page.locator('.balance-pill').count()).toBe(0);
      const nav = await page
        .getByRole('navigation', { name: 'Principal' })
        .getByRole('link')
        .allTextContents();
      expect(nav).toEqual(['Clientes', 'Fondos', 'Mi perfil']);
      expect(await page.locator('.person').count()).toBe(20);
      await page.getByRole('button', { name: 'Ver más' }).click();
      await page.waitForFunction(() => document.querySelectorAll('.person').length === 23);
      expect(await page.getByRole('button', { name: 'Ver más' }).count()).toBe(0);
    });

    it("opens a client with that client's history, the refusal included", async () => {
      const { page } = admin;
      await page.getByRole('link', { name: 'Pedro Gómez' }).click();
      await screen(page, 'Pedro Gómez');
      expect(new URL(page.url()).pathname).toBe(`/admin/clientes/${pedroId}`);
      const main = norm(await page.locator('main').textContent());
      expect(main).toContain('Saldo disponible$ 425.000');
      expect(main).toContain('No tiene saldo disponible para vincularse al fondo FDO-ACCIONES');
      expect(await page.locator('.movement').count()).toBe(2);
    });

    it('creates a fund, edits its name and minimum, deactivates and reactivates it; clients see it', async () => {
      const { page } = admin;
      await go(page, origin, '/admin/fondos', 'Fondos');
      await page.getByRole('button', { name: 'Crear fondo' }).click();
      const create = page.getByRole('dialog', { name: 'Crear fondo' });
      await create.getByRole('textbox', { name: 'Identificador' }).fill('6');
      await create.getByRole('textbox', { name: 'Nombre' }).fill('FIC_RENTA_FIJA');
      await create.getByRole('textbox', { name: /Monto mínimo/ }).fill('60.000,50');
      await create.getByRole('button', { name: 'Crear fondo' }).click();
      await create.waitFor({ state: 'detached' });
      await waitForText(
        page,
        '.toast',
        'Creamos el fondo FIC_RENTA_FIJA con mínimo de $ 60.000,50.',
      );

      // A duplicate id is the server's 409, said in Spanish inside the dialog.
      await page.getByRole('button', { name: 'Crear fondo' }).click();
      await create.getByRole('textbox', { name: 'Identificador' }).fill('6');
      await create.getByRole('textbox', { name: 'Nombre' }).fill('OTRO');
      await create.getByRole('textbox', { name: /Monto mínimo/ }).fill('1.000');
      await create.getByRole('button', { name: 'Crear fondo' }).click();
      await create.getByRole('alert').waitFor();
      expect(norm(await create.getByRole('alert').textContent()).length).toBeGreaterThan(10);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Editar FIC_RENTA_FIJA' }).click();
      const edit = page.getByRole('dialog', { name: 'Editar FIC_RENTA_FIJA' });
      expect(await edit.getByRole('textbox', { name: /Monto mínimo/ }).inputValue()).toBe(
        '60.000,50',
      );
      await edit.getByRole('textbox', { name: 'Nombre' }).fill('FIC_RENTA_FIJA_PLUS');
      await edit.getByRole('textbox', { name: /Monto mínimo/ }).fill('70.000');
      await edit.getByRole('button', { name: 'Guardar cambios' }).click();
      await edit.waitFor({ state: 'detached' });
      await waitForText(page, '.admin-funds', 'FIC_RENTA_FIJA_PLUS');
      await page.getByRole('button', { name: 'Desactivar FIC_RENTA_FIJA_PLUS' }).click();
      await page.getByRole('button', { name: 'Activar FIC_RENTA_FIJA_PLUS' }).waitFor();

      const funds = (await createBtgClient({ baseUrl: origin }).api.GET('/api/v1/funds')).data!
        .items;
      expect(funds.find((fund) => fund.id === '6')).toEqual({
        id: '6',
        name: 'FIC_RENTA_FIJA_PLUS',
        minimumAmount: '70000.00',
        category: 'FIC',
        active: false,
      });

      const client = await newClient(origin, 'Lucía Díaz');
      const tab = await openPage(browser, origin);
      await signInTab(tab.context, origin, client.email);
      await go(tab.page, origin, '/fondos', 'Fondos');
      const card = tab.page.locator('.fund-card', { hasText: 'FIC_RENTA_FIJA_PLUS' });
      expect(norm(await card.textContent())).toContain('Inactivo');
      expect(await card.getByRole('button').count()).toBe(0);
      await tab.context.close();

      await page.getByRole('button', { name: 'Activar FIC_RENTA_FIJA_PLUS' }).click();
      await page.getByRole('button', { name: 'Desactivar FIC_RENTA_FIJA_PLUS' }).waitFor();
    });

    it('every admin screen and dialog: axe, reflow at 320 px, screenshots', async () => {
      const screens: Screen[] = [
        { name: '30-admin-clientes', path: '/admin/clientes', title: 'Clientes' },
        { name: '31-admin-cliente', path: `/admin/clientes/${pedroId}`, title: 'Pedro Gómez' },
        { name: '32-admin-fondos', path: '/admin/fondos', title: 'Fondos' },
        {
          name: '33-admin-crear-fondo',
          path: '/admin/fondos',
          title: 'Fondos',
          then: (page) => openDialog(page, 'Crear fondo', 'Crear fondo'),
        },
        {
          name: '34-admin-editar-fondo',
          path: '/admin/fondos',
          title: 'Fondos',
          then: (page) => openDialog(page, 'Editar DEUDAPRIVADA'),
        },
        { name: '35-admin-perfil', path: '/perfil', title: 'Mi perfil' },
      ];
      const { page } = admin;
      for (const target of screens) {
        await page.setViewportSize(DESKTOP);
        await visit(page, origin, target);
        expect(await axeViolations(page), target.name).toEqual([]);
        await picture(page, target.name, 'escritorio');
        await page.setViewportSize(PHONE);
        await picture(page, target.name, 'celular');
        await page.setViewportSize(NARROW);
        expect(await overflowAt320(page), target.name).toEqual([]);
        expect(await axeViolations(page), `${target.name} at 320 px`).toEqual([]);
        await page.keyboard.press('Escape');
      }
      expect(admin.watch.problems).toEqual([]);
    }, 120_000);
  },
);
