// The contract as an artefact (ADR 0206):
//   npm run openapi
// writes openapi.json at the repo root from the same app the server runs (in process, no port),
// then regenerates the typed client's src/generated/openapi.ts from it. Commit both: tests fail
// while either differs from what the code serves.
import { writeFileSync } from 'node:fs';
import { openApiJson } from '../apps/api/dist/openapi-document.js';
import { OPENAPI_JSON, writeTypes } from '../packages/client/scripts/generate-types.mjs';

writeFileSync(OPENAPI_JSON, await openApiJson());
await writeTypes();
console.log('wrote openapi.json and packages/client/src/generated/openapi.ts');
