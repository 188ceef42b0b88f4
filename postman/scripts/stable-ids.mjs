// Postman ids that depend only on where a thing sits in the collection, so that regenerating an
// unchanged document gives the same bytes (the converter draws random UUIDs).
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';

// A fixed namespace for this collection's name-based UUIDs (RFC 9562 §5.5, version 5).
const NAMESPACE = Buffer.from('6b1c3f0e8a2d4e7f9b5a1c3d5e7f9a0b', 'hex');

/** A version-5 UUID for `name`: the same name always gives the same id. */
export function uuidFrom(name) {
  const bytes = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Gives the collection, its requests and their saved responses ids derived from their names
 * along the tree ("Historia BTG/2. Ingresar", "auth/Ingresar…/200/Una nueva sesión"); folders get
 * none, as the converter gives them none. Two siblings with the same name would share an id, so
 * that is refused rather than numbered.
 */
export function assignStableIds(collection) {
  collection.info._postman_id = uuidFrom(`collection/${collection.info.name}`);
  const seen = new Set();
  const claim = (key) => {
    if (seen.has(key)) throw new Error(`two collection entries are both named "${key}"`);
    seen.add(key);
    return uuidFrom(key);
  };
  const visit = (items, prefix) => {
    for (const item of items) {
      const key = `${prefix}${item.name}`;
      if (Array.isArray(item.item)) {
        claim(key);
        visit(item.item, `${key}/`);
        continue;
      }
      item.id = claim(key);
      for (const response of item.response ?? []) {
        response.id = claim(`${key}/${response.code}/${response.name}`);
      }
    }
  };
  visit(collection.item, '');
  return collection;
}
