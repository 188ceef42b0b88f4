/**
 * `_id` equality for one id, `$in` for several. The same on MongoDB; FerretDB v1 pushes an `_id`
 * equality down to its backend but scans and decodes the whole collection for `$in` (measured at
 * 700 entries on SQLite: 8 ms against 150 ms), and a profile read (GET /me) asks for one client.
 */
export function byIds<T extends string>(ids: readonly T[]): { _id: T | { $in: T[] } } {
  return ids.length === 1 ? { _id: ids[0]! } : { _id: { $in: [...ids] } };
}
