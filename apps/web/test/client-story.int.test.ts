import { createBtgClient, isApiError } from '@btg-funds/client';
import type { Browser } from 'playwright-core';
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
  PASSWORD,
  readSession,
  screen,
  signInTab,
  subscribeInUi,
  uniqueEmail,
  waitForText,
} from './support/ui.js';

reportMissingChromium('web app: the BTG story');

// One person plays the whole story in one tab, as docs/product/rules.md tells it; each step builds on the last.
describe.skipIf(!hasChromium)(
  'the BTG story in the browser, against the real API',
  { timeout: 60_000 },
  () => {
    let api: RealApi;
    let browser: Browser;
    let tab: Opened;
    let origin = '';
    const email = uniqueEmail('juana');

    beforeAll(async () => {
      api = await startRealApi();
      origin = api.url;
      browser = await launchBrowser();
      tab = await openPage(browser, origin);
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await api?.stop();
    });

    it('signs up and lands signed in on Inicio with $ 500.000 and empty states', async () => {
      const { page } = tab;
      await page.goto(`${origin}/`);
      await screen(page, 'Ingresar');
      expect(new URL(page.url()).pathname).toBe('/ingresar');
      await page.getByRole('link', { name: 'Crear cuenta' }).click();
      await screen(page, 'Crear cuenta');
      await page.getByRole('textbox', { name: 'Nombre completo' }).fill('Juana Pérez');
      await page.getByRole('textbox', { name: 'Correo electrónico' }).fill(email);
      await page.getByRole('textbox', { name: 'Contraseña' }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Crear cuenta' }).click();
      await screen(page, 'Hola, Juana');
      expect(await headerBalance(page)).toBe('$ 500.000');
      expect(norm(await page.locator('main').textContent())).toContain('Aún no tiene movimientos');
      expect(norm(await page.locator('main').textContent())).toContain(
        'Todo su dinero está disponible',
      );
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    });

    it('verifies the e-mail with the code it receives (notices go only to verified destinations)', async () => {
      const { page } = tab;
      expect(norm(await page.locator('main').textContent())).toContain('Verifique su correo');
      await page.getByRole('link', { name: 'Ir a Mi perfil' }).click();
      await screen(page, 'Mi perfil');
      const seen = api.codesSeen();
      await page.getByRole('button', { name: 'Enviarme un código a su correo' }).click();
      const code = page.getByRole('textbox', { name: 'Código de verificación' });
      await code.waitFor();
      await code.fill(await api.codeAfter(seen));
      await page.getByRole('button', { name: 'Verificar', exact: true }).click();
      await waitForText(page, '.verify', 'Verificado');
      await waitForText(page, '.toast', 'su correo quedó verificado');
    });

    it('subscribes to funds 1, 2, 3 and 5 (one with centavos) and shows the balance everywhere', async () => {
      const { page } = tab;
      const steps: [string, string | undefined, string][] = [
        ['FPV_BTG_PACTUAL_RECAUDADORA', '75.000,50', '$ 424.999,50'],
        ['FPV_BTG_PACTUAL_ECOPETROL', undefined, '$ 299.999,50'],
        ['DEUDAPRIVADA', undefined, '$ 249.999,50'],
        ['FPV_BTG_PACTUAL_DINAMICA', undefined, '$ 149.999,50'],
      ];
      for (const [fund, amount, balance] of steps) {
        await go(page, origin, '/fondos', 'Fondos');
        await page.getByRole('button', { name: `Suscribirse a ${fund}` }).click();
        const dialog = page.getByRole('dialog', { name: `Suscribirse a ${fund}` });
        const input = dialog.getByRole('textbox', { name: /Monto a invertir/ });
        if (amount === undefined) {
          const minimum = {
            FPV_BTG_PACTUAL_ECOPETROL: '125.000',
            DEUDAPRIVADA: '50.000',
            FPV_BTG_PACTUAL_DINAMICA: '100.000',
          }[fund];
          expect(await input.inputValue()).toBe(minimum);
        } else {
          expect(await input.inputValue()).toBe('75.000');
          await input.fill(amount);
        }
        expect(norm(await dialog.locator('.summary').textContent())).toContain(
          `Saldo que le quedará${balance}`,
        );
        await dialog.getByRole('button', { name: 'Confirmar' }).click();
        await dialog.waitFor({ state: 'detached' });
        await waitForText(page, '.toast', `Su saldo disponible es ${balance}.`);
        await waitForText(page, '.balance-value', balance);
      }
      await go(page, origin, '/', 'Hola, Juana');
      const main = norm(await page.locator('main').textContent());
      expect(main).toContain('Saldo disponible$ 149.999,50');
      expect(main).toContain('Total invertido$ 350.000,50En 4 fondos');
      const rows = await page.locator('.distribution tbody tr').allTextContents();
      expect(rows.map(norm)).toEqual([
        'Saldo disponible$ 149.999,5030 %',
        'FPV_BTG_PACTUAL_DINAMICA$ 100.00020 %',
        'DEUDAPRIVADA$ 50.00010 %',
        'FPV_BTG_PACTUAL_ECOPETROL$ 125.00025 %',
        'FPV_BTG_PACTUAL_RECAUDADORA$ 75.000,5015 %',
      ]);
    });

    it('is refused FDO-ACCIONES with the exact message, and the failed attempt is in Historial', async () => {
      const { page } = tab;
      const dialog = await subscribeInUi(page, origin, 'FDO-ACCIONES');
      const alert = dialog.getByRole('alert');
      await alert.waitFor();
      expect(norm(await alert.textContent())).toBe(
        'No tiene saldo disponible para vincularse al fondo FDO-ACCIONES',
      );
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await headerBalance(page)).toBe('$ 149.999,50');

      await go(page, origin, '/historial', 'Historial');
      const failed = page.locator('.movement-failed');
      expect(await failed.count()).toBe(1);
      expect(norm(await failed.textContent())).toContain(
        'No tiene saldo disponible para vincularse al fondo FDO-ACCIONES',
      );
      expect(norm(await failed.textContent())).toContain('Fallida');
      expect(await page.locator('.movement').count()).toBe(5);
    });

    it('keeps the history filters in the URL, across a reload, with the session', async () => {
      const { page } = tab;
      await page.getByRole('combobox', { name: 'Estado' }).selectOption('failed');
      await page.waitForURL(/estado=failed/);
      await page.waitForFunction(() => document.querySelectorAll('.movement').length === 1);
      await page.getByRole('combobox', { name: 'Fondo' }).selectOption('4');
      await page.waitForURL(/fondo=4/);
      await page.reload();
      await screen(page, 'Historial');
      expect(await page.getByRole('combobox', { name: 'Estado' }).inputValue()).toBe('failed');
      expect(await page.getByRole('combobox', { name: 'Fondo' }).inputValue()).toBe('4');
      expect(await page.locator('.movement').count()).toBe(1);
      expect(await headerBalance(page)).toBe('$ 149.999,50');

      await page.getByRole('link', { name: 'FDO-ACCIONES' }).click();
      await screen(page, 'Detalle del movimiento');
      const detail = norm(await page.locator('main').textContent());
      expect(detail).toContain(
        'MotivoNo tiene saldo disponible para vincularse al fondo FDO-ACCIONES',
      );
      expect(detail).toContain('Monto$ 250.000');
      expect(detail).toContain('Fecha y hora (Bogotá)');
    });

    it('pages the history with "Ver más" (cursor), 20 at a time', async () => {
      // Another client with 22 movements (11 subscribe + cancel cycles), set up over HTTP.
      const other = await newClient(origin, 'Pedro Gómez');
      for (let cycle = 0; cycle < 11; cycle += 1) {
        const { result } = await other.btg.subscribe({ fundId: '3' });
        await other.btg.cancel(result.subscription.id);
      }
      const second = await openPage(browser, origin);
      try {
        await signInTab(second.context, origin, other.email);
        const { page } = second;
        await go(page, origin, '/historial', 'Historial');
        expect(await page.locator('.movement').count()).toBe(20);
        expect(norm(await page.locator('.load-more').textContent())).toContain(
          'Se muestran 20 movimientos.',
        );
        await page.getByRole('button', { name: 'Ver más' }).click();
        await page.waitForFunction(() => document.querySelectorAll('.movement').length === 22);
        expect(await page.getByRole('button', { name: 'Ver más' }).count()).toBe(0);
        expect(second.watch.problems).toEqual([]);
      } finally {
        await second.context.close();
      }
    });

    it('cancels with a confirmation that states the refund, and the money comes back', async () => {
      const { page } = tab;
      await go(page, origin, '/suscripciones', 'Mis suscripciones');
      expect(await page.locator('#activas').textContent()).toContain('(4)');
      await page
        .getByRole('button', { name: 'Cancelar suscripción a FPV_BTG_PACTUAL_ECOPETROL' })
        .click();
      const dialog = page.getByRole('dialog', { name: '¿Cancelar esta suscripción?' });
      expect(norm(await dialog.locator('.refund').textContent())).toBe(
        'Le devolveremos $ 125.000 a su saldo disponible, que quedará en $ 274.999,50.',
      );
      await dialog.getByRole('button', { name: 'Sí, cancelar' }).click();
      await dialog.waitFor({ state: 'detached' });
      await waitForText(page, '.balance-value', '$ 274.999,50');
      await waitForText(page, '.subscriptions-cancelled', 'FPV_BTG_PACTUAL_ECOPETROL');
      expect(norm(await page.locator('.subscriptions-cancelled').textContent())).toContain(
        'FPV_BTG_PACTUAL_ECOPETROL',
      );
    });

    it('lists the notifications with masked destinations, refreshing until they are sent', async () => {
      const { page } = tab;
      await go(page, origin, '/notificaciones', 'Notificaciones');
      // 5 completed operations → 5 notices; the dispatcher sends them within a few ticks.
      await page.waitForFunction(() => document.querySelectorAll('.movement').length === 5);
      await waitForText(page, 'main', 'Enviada');
      await page.waitForFunction(
        () => !document.body.textContent?.includes('Pendiente'),
        undefined,
        { timeout: 15_000 },
      );
      const shown = norm(await page.locator('main').textContent());
      expect(shown).toContain('Cancelación · FPV_BTG_PACTUAL_ECOPETROL');
      expect(shown).toContain('Suscripción · FPV_BTG_PACTUAL_RECAUDADORA');
      const destinations = await page.locator('.destination').allTextContents();
      expect(destinations).toHaveLength(5);
      for (const destination of destinations) {
        expect(destination).toContain('***');
        expect(destination).not.toContain(email.split('@')[0]);
      }
    });

    it('edits the profile: SMS needs a phone, then the phone enables SMS in the dialog', async () => {
      const { page } = tab;
      await go(page, origin, '/perfil', 'Mi perfil');
      await page.getByRole('radio', { name: /SMS/ }).check();
      await page.getByRole('button', { name: 'Guardar cambios' }).click();
      const phone = page.getByRole('textbox', { name: 'Celular' });
      expect(await phone.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await phone.getAttribute('aria-describedby')) ?? '';
      const messages = await Promise.all(
        describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()),
      );
      expect(messages.join(' ')).toContain('Para recibir avisos por SMS escriba su celular.');

      await phone.fill('+573001234567');
      await page.getByRole('button', { name: 'Guardar cambios' }).click();
      await waitForText(page, '.toast', 'Guardamos los cambios de su perfil.');
      await page.reload();
      await screen(page, 'Mi perfil');
      expect(await page.getByRole('textbox', { name: 'Celular' }).inputValue()).toBe(
        '+573001234567',
      );
      expect(await page.getByRole('radio', { name: /SMS/ }).isChecked()).toBe(true);

      await go(page, origin, '/fondos', 'Fondos');
      await page.getByRole('button', { name: 'Suscribirse a FPV_BTG_PACTUAL_ECOPETROL' }).click();
      const dialog = page.getByRole('dialog');
      expect(await dialog.getByRole('radio', { name: 'SMS' }).isChecked()).toBe(true);
      expect(await dialog.getByRole('radio', { name: 'SMS' }).isDisabled()).toBe(false);
      await page.keyboard.press('Escape');
    });

    it('logs out: the refresh token is revoked and the sign-in screen says so', async () => {
      const { page } = tab;
      const session = await readSession(page);
      expect(session).not.toBeNull();
      await page.getByRole('button', { name: 'Cerrar sesión' }).click();
      await screen(page, 'Ingresar');
      expect(norm(await page.locator('main').textContent())).toContain('Cerró su sesión.');
      expect(await readSession(page)).toBeNull();
      const refused = await createBtgClient({ baseUrl: origin })
        .api.POST('/api/v1/auth/refresh', { body: { refreshToken: session!.refreshToken } })
        .catch((error: unknown) => error);
      expect(isApiError(refused) && refused.status).toBe(401);
      expect(tab.watch.problems).toEqual([]);
    });
  },
);
