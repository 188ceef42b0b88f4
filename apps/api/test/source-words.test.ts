import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 15: each Spanish text lives in one catalogue of the layer that decides it, and the code
 * cites the product's rules where they are written (docs/product), not a document the repository
 * does not have. Read from the sources themselves, so a copied message or a dangling citation
 * fails here.
 */
const ROOT = new URL('../../../', import.meta.url);
const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((path) => path !== '' && existsSync(new URL(path, ROOT)));
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');

/** Runtime TypeScript: what ships, not tests (they repeat texts as expectations) nor generated code. */
const SOURCES = tracked.filter(
  (path) =>
    /^(packages|apps)\/[^/]+\/src\/.*\.tsx?$/.test(path) &&
    !/\.test\.tsx?$|\.contract\.ts$|\/testing\/|\/generated\//.test(path),
);

const SPANISH = /[áéíóúñ¿¡]|\b(el|la|los|las|no|de|debe|tiene|una|del|es|para|está|su|se)\b/i;
const ENGLISH = /\b(the|is|and|of|to|with|from|for)\b/;

/** Every string and template literal of a file that reads as a Spanish sentence. */
function spanishTexts(path: string): { text: string; line: number }[] {
  const file = ts.createSourceFile(path, read(path), ts.ScriptTarget.Latest, true);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    if (ts.isTemplateExpression(node)) {
      text = node.head.text + node.templateSpans.map((s) => `\${}${s.literal.text}`).join('');
    }
    if (text !== undefined && text.length >= 12 && text.includes(' ')) {
      if (SPANISH.test(text) && !ENGLISH.test(text)) {
        found.push({ text, line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Spelled in two parts so this file does not cite what it forbids. */
const SPEC_CITATION = ['SPEC', '§'].join(' ');

describe('the words of the code', () => {
  it('writes each Spanish text once, in the catalogue of the layer that decides it', () => {
    const places = new Map<string, string[]>();
    for (const path of SOURCES) {
      for (const { text, line } of spanishTexts(path)) {
        places.set(text, [...(places.get(text) ?? []), `${path}:${line}`]);
      }
    }
    expect(places.size).toBeGreaterThan(150);
    const repeated = [...places].filter(([, where]) => where.length > 1);
    expect(repeated).toEqual([]);
  });

  it('cites the product rules in docs/, never a SPEC section the repository does not have', () => {
    const citing = tracked
      .filter((path) => !path.endsWith('.json'))
      .filter((path) => /\.(ts|tsx|mjs|cjs|js|md|toml|sh|tf)$/.test(path))
      .filter((path) => read(path).includes(SPEC_CITATION));
    expect(citing).toEqual([]);
    expect(existsSync(new URL('docs/product/rules.md', ROOT))).toBe(true);
    expect(existsSync(new URL('docs/product/http-contract.md', ROOT))).toBe(true);
  });

  it('points only at sections of docs/product that exist', () => {
    const headings = (doc: string) =>
      new Set([...read(doc).matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!.trim()));
    const dangling: string[] = [];
    let citations = 0;
    for (const path of tracked.filter((p) => /\.(ts|tsx|mjs|cjs|md|toml)$/.test(p))) {
      for (const match of read(path).matchAll(
        /docs\/product\/([a-z-]+\.md)((?:,\s*(?:\/\/|\*)?\s*"[^"]+")*)/g,
      )) {
        citations += 1;
        const doc = `docs/product/${match[1]}`;
        if (!existsSync(new URL(doc, ROOT))) {
          dangling.push(`${path}: ${doc}`);
          continue;
        }
        for (const [, section] of match[2]!.matchAll(/"([^"]+)"/g)) {
          if (!headings(doc).has(section!)) dangling.push(`${path}: ${doc} "${section}"`);
        }
      }
    }
    expect(citations).toBeGreaterThan(10);
    expect(dangling).toEqual([]);
  });
});
