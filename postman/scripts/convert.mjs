// The generated part of the collection: openapi-to-postmanv2 applied to openapi.json, made
// deterministic so that a test can compare the committed collection with a fresh conversion.
// Two sources of randomness are removed: the converter fakes the response bodies that the
// document gives no example for with json-schema-faker, and it gives every item and saved
// response a random UUID. The first is seeded for the duration of the conversion; the second is
// replaced by name-based UUIDs (stable-ids.mjs).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { convertV2 } = require('openapi-to-postmanv2');
// The converter's own copy of json-schema-faker (the same module instance it requires): its
// `random` option was captured from Math.random when it loaded, so it is seeded separately.
const schemaFaker = require('openapi-to-postmanv2/assets/json-schema-faker.js');

/** The converter's options, fixed here so that every caller gets the same collection. */
export const CONVERTER_OPTIONS = Object.freeze({
  folderStrategy: 'Tags', // one folder per OpenAPI tag: auth, me, funds, …
  requestNameSource: 'Fallback', // the operation's Spanish summary
  parametersResolution: 'Example', // the document's examples, not `<string>` placeholders
  enableOptionalParameters: false, // optional query parameters and headers start disabled
  includeAuthInfoInExample: false,
  alwaysInheritAuthentication: true, // auth is set by the hand-kept layer (layer/auth.mjs)
});

/** Mulberry32: a tiny seeded PRNG, enough to make the faker repeatable. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Converts an OpenAPI document (its text) to a Postman collection v2.1 object. The randomness is
 * seeded only while the converter runs (synchronously, start to callback) and restored after.
 */
export function convertOpenApi(documentText) {
  const original = Math.random;
  const random = seededRandom(0x5eed);
  // Both: the faker draws from its option, and its bundled randexp calls Math.random directly.
  Math.random = random;
  schemaFaker.option({ random });
  try {
    let result;
    convertV2({ type: 'string', data: documentText }, { ...CONVERTER_OPTIONS }, (error, output) => {
      if (error) throw error;
      if (!output.result) throw new Error(`openapi-to-postmanv2: ${output.reason}`);
      result = output.output[0].data;
    });
    // The converter calls back synchronously; if a release ever stops doing so, fail loudly
    // instead of committing a collection built from a half-seeded run.
    if (result === undefined) throw new Error('openapi-to-postmanv2 did not answer synchronously');
    return result;
  } finally {
    Math.random = original;
    schemaFaker.option({ random: original });
  }
}
