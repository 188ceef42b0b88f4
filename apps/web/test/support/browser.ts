import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Call at the top of each browser test file: a skipped suite says why. */
export function reportMissingChromium(suite: string): void {
  if (!hasChromium) {
    // eslint-disable-next-line no-console -- a skipped test must say why
    console.warn(`${suite}: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  }
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };
export const NARROW = { width: 320, height: 640 };

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--font-render-hinting=none',
    ],
  });
}

/**
 * What must never happen on a page: a script error, a CSP or Trusted Types violation, a request
 * to another origin. Expected 4xx answers (Chromium logs them as console errors) are allowed.
 */
export interface Watch {
  readonly problems: string[];
  readonly requests: string[];
}

export interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly watch: Watch;
}

export async function openPage(
  browser: Browser,
  origin: string,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<Opened> {
  const context = await browser.newContext({
    viewport,
    locale: 'es-CO',
    timezoneId: 'America/Bogota',
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const watch: Watch = { problems: [], requests: [] };
  page.on('pageerror', (error) => watch.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Trusted Type|Refused to/i.test(text))
      watch.problems.push(`console: ${text}`);
  });
  page.on('request', (request) => {
    watch.requests.push(request.url());
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) {
      watch.problems.push(`request to another origin: ${request.url()}`);
    }
  });
  // CSP violations as the page sees them (the listener is installed by CDP, outside the CSP).
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      // eslint-disable-next-line no-console -- runs in the page: the console is how it reports
      console.error(`Refused to load: CSP ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return { context, page, watch };
}
