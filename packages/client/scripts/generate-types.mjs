// The client's types, generated from the committed openapi.json by openapi-typescript.
//   npm run openapi                      (repo root: writes openapi.json, then this file's output)
//   npm run generate -w @btg-funds/client  (only the types, from the openapi.json already there)
// A test regenerates them in memory and fails when src/generated/openapi.ts differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

export const OPENAPI_JSON = new URL('../../../openapi.json', import.meta.url);
export const TYPES_FILE = new URL('../src/generated/openapi.ts', import.meta.url);

/** TypeScript source for a document's text: `paths`, `components`, `operations`. */
export async function generateTypes(documentText) {
  const ast = await openapiTS(JSON.parse(documentText), { silent: true });
  return `${COMMENT_HEADER}${astToString(ast)}`;
}

export async function writeTypes() {
  writeFileSync(TYPES_FILE, await generateTypes(readFileSync(OPENAPI_JSON, 'utf8')));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeTypes();
}
