import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ROOT } from './real-api.js';
import { go, screen } from './ui.js';

/** Every run of the suite leaves a picture of every screen here (CI keeps .ci/out). */
export const SCREENSHOTS = `${ROOT}.ci/out/screenshots`;

export interface Screen {
  /** File name stem, e.g. `03-fondos-suscribirse`. */
  readonly name: string;
  readonly path: string;
  readonly title: string | RegExp;
  /** What to do once the screen is there (open a dialog…). */
  readonly then?: (page: Page) => Promise<void>;
}

export async function visit(page: Page, origin: string, target: Screen): Promise<void> {
  await go(page, origin, target.path, target.title);
  await target.then?.(page);
  // Let the fonts settle so pictures are stable from run to run.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

export async function picture(page: Page, name: string, viewport: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // A modal dialog and its backdrop cover the viewport only: picture that, not the whole page.
  const modal = await page.evaluate(() => document.querySelector('dialog[open]') !== null);
  await page.screenshot({
    path: `${SCREENSHOTS}/${name}-${viewport}.png`,
    fullPage: !modal,
    animations: 'disabled',
  });
}

/** WCAG 1.4.10 at 320 CSS px: nothing makes the page scroll sideways. */
export async function overflowAt320(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide: string[] = [];
    if (document.documentElement.scrollWidth > width)
      wide.push(`page scrollWidth ${document.documentElement.scrollWidth} > ${width}`);
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const box = element.getBoundingClientRect();
      if (
        box.width > 0 &&
        box.right > width + 1 &&
        getComputedStyle(element).position !== 'fixed'
      ) {
        wide.push(
          `${element.tagName.toLowerCase()}.${element.className} right=${Math.round(box.right)}`,
        );
      }
    }
    return wide.slice(0, 5);
  });
}

export async function openDialog(page: Page, button: string, dialog?: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('dialog', dialog === undefined ? {} : { name: dialog }).waitFor();
}

export { screen };
