// The contract as an artefact (ADR 0210):
//   npm run openapi
// writes openapi.json at the repo root from the same app the server runs (in process, no port),
// then regenerates from it the typed client's src/generated/openapi.ts and the Postman collection
// (postman/, ADR 0213). Commit them all: tests fail while any differs from what the code serves.
import { writeFileSync } from 'node:fs';
import { openApiJson } from '../apps/api/dist/openapi-document.js';
import { OPENAPI_JSON, writeTypes } from '../packages/client/scripts/generate-types.mjs';
import { writePostmanFiles } from '../postman/scripts/generate.mjs';

writeFileSync(OPENAPI_JSON, await openApiJson());
await writeTypes();
writePostmanFiles();
console.log(
  'wrote openapi.json, packages/client/src/generated/openapi.ts and postman/ (collection, environments)',
);
