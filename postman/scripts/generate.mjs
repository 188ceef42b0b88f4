// Writes the Postman collection and environments from the committed openapi.json:
//   npm run postman        (repo root; `npm run openapi` runs it too, after writing openapi.json)
// Commit the three files: a test fails while they differ from what this script would write.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { buildFiles, OPENAPI_JSON } from './build.mjs';

export function writePostmanFiles() {
  for (const [file, contents] of buildFiles(readFileSync(OPENAPI_JSON, 'utf8'))) {
    writeFileSync(file, contents);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writePostmanFiles();
  process.stdout.write(
    'wrote postman/btg-funds.postman_collection.json and its two environments\n',
  );
}
