import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly unknown[] }[];
}

/**
 * axe-core injected through the DevTools protocol (not a <script>: the CSP stays strict).
 *
 * A violation must hold on a settled page: when the first pass finds any, the page gets a moment
 * and a second pass decides. A real violation is in both; a check that raced a render on a busy
 * machine is not (once, in the gate under load, the contrast of a dialog's submit button right
 * after its error appeared; never reproduced alone).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const first = await axePass(page);
  if (first.length === 0) return first;
  await page.waitForTimeout(SETTLE_MS);
  return axePass(page);
}

const SETTLE_MS = 500;

async function axePass(page: Page): Promise<string[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations;
  }, TAGS);
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? '?'}): ${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => JSON.stringify(node.target))
        .join(', ')}`,
  );
}
