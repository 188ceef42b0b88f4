import { createRequire } from 'node:module';
import type * as MongoDriver from 'mongodb';

const load = createRequire(import.meta.url);

/**
 * The MongoDB driver, loaded when storage on Mongo is first built, not when this package is
 * imported: the API imports it for its configuration in every mode, and an in-memory process
 * would otherwise hold the driver and bson (~7 MB of V8 heap, ~29 MB resident with bson's 17 MB
 * serialization buffer; docs/performance.md, "Memory"). CommonJS, so `require` loads it
 * synchronously, once (Node's module cache): the same classes an `import` from 'mongodb' sees.
 */
export const mongoDriver = (): typeof MongoDriver => load('mongodb') as typeof MongoDriver;
