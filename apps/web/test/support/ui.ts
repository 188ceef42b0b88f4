import { createBtgClient, unwrap, type BtgClient } from '@btg-funds/client';
import type { BrowserContext, Page } from 'playwright-core';
import { runningApis } from './real-api.js';

export const PASSWORD = 'una-clave-muy-segura';
const SESSION_KEY = 'btg-funds.session';

/** Text as a person reads it: no-break spaces (after `$`, in Intl output) become spaces. */
export const norm = (text: string | null): string =>
  (text ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

let counter = 0;
export const uniqueEmail = (name: string) =>
  `${name}.${Date.now().toString(36)}${(counter += 1)}@example.com`;

/** A client created over HTTP (fast set-up for screens that are not about signing up). */
export async function newClient(
  apiUrl: string,
  fullName = 'Juana Pérez',
  extra: { phone?: string } = {},
): Promise<{ btg: BtgClient; email: string }> {
  const btg = createBtgClient({ baseUrl: apiUrl });
  const email = uniqueEmail(fullName.split(' ')[0]!.toLowerCase());
  await btg.api.POST('/api/v1/auth/register', {
    body: { email, password: PASSWORD, fullName, notificationPreference: 'email', ...extra },
  });
  await btg.login({ email, password: PASSWORD });
  // A verified e-mail, as a real client would have: notices are sent only there (ADR 0405).
  const api = runningApis.get(apiUrl);
  if (api !== undefined) {
    const seen = api.codesSeen();
    await btg.api.POST('/api/v1/me/verification', { body: { channel: 'email' } });
    const code = await api.codeAfter(seen);
    await btg.api.POST('/api/v1/me/verification/confirm', { body: { channel: 'email', code } });
  }
  return { btg, email };
}

/** Signs the tab in as `email` by logging in over HTTP and seeding sessionStorage once. */
export async function signInTab(
  context: BrowserContext,
  apiUrl: string,
  email: string,
  password = PASSWORD,
) {
  const btg = createBtgClient({ baseUrl: apiUrl });
  const tokens = await btg.login({ email, password });
  const session = JSON.stringify({
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
  });
  // Once per tab: a reload keeps the rotated tokens, and a logout stays a logout.
  await context.addInitScript(
    ([key, value]) => {
      if (sessionStorage.getItem('btg-test.seeded') !== null) return;
      sessionStorage.setItem('btg-test.seeded', '1');
      sessionStorage.setItem(key, value);
    },
    [SESSION_KEY, session] as const,
  );
}

export async function readSession(
  page: Page,
): Promise<{ accessToken: string; refreshToken: string } | null> {
  const raw = await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY);
  return raw === null ? null : (JSON.parse(raw) as { accessToken: string; refreshToken: string });
}

export async function writeSession(
  page: Page,
  tokens: { accessToken: string; refreshToken: string },
) {
  await page.evaluate(([key, value]) => sessionStorage.setItem(key, value), [
    SESSION_KEY,
    JSON.stringify(tokens),
  ] as const);
}

/** Waits until the screen's h1 says `title` and nothing is loading any more. */
export async function screen(page: Page, title: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
}

export async function go(page: Page, origin: string, path: string, title: string | RegExp) {
  await page.goto(`${origin}${path}`);
  await screen(page, title);
}

/** The balance in the header, as shown. */
export async function headerBalance(page: Page): Promise<string> {
  return norm(await page.locator('.balance-value').textContent());
}

export async function waitForText(
  page: Page,
  selector: string,
  expected: string,
  timeoutMs = 10_000,
) {
  await page.waitForFunction(
    ([css, text]) =>
      [...document.querySelectorAll(css)].some((element) =>
        (element.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ').includes(text),
      ),
    [selector, expected] as const,
    { timeout: timeoutMs },
  );
}

/** Opens Fondos and subscribes to `fund` through the dialog, optionally typing an amount. */
export async function subscribeInUi(page: Page, origin: string, fund: string, amount?: string) {
  await go(page, origin, '/fondos', 'Fondos');
  await page.getByRole('button', { name: `Suscribirse a ${fund}` }).click();
  const dialog = page.getByRole('dialog', { name: `Suscribirse a ${fund}` });
  if (amount !== undefined)
    await dialog.getByRole('textbox', { name: /Monto a invertir/ }).fill(amount);
  await dialog.getByRole('button', { name: 'Confirmar' }).click();
  return dialog;
}

export async function transactionsOf(btg: BtgClient) {
  return (await unwrap(btg.api.GET('/api/v1/transactions', { params: { query: { limit: 100 } } })))
    .items;
}
