import type { Document, IndexDescription } from 'mongodb';

/** A read or write the adapters sent, as seen by the driver's command monitoring. */
export interface SentQuery {
  readonly command: string;
  readonly collection: string;
  readonly filter: Document;
  readonly sort: Document | undefined;
}

/** Turns a monitored command into the queries it carries (an update or delete may carry one). */
export function queriesOf(command: Document, name: string): SentQuery[] {
  const collection = String(command[name]);
  switch (name) {
    case 'find':
      return [
        { command: name, collection, filter: doc(command.filter), sort: plain(command.sort) },
      ];
    case 'count':
      return [{ command: name, collection, filter: doc(command.query), sort: undefined }];
    case 'update':
      return (command.updates as Document[]).map((u) => ({
        command: name,
        collection,
        filter: u.q as Document,
        sort: undefined,
      }));
    case 'delete':
      return (command.deletes as Document[]).map((d) => ({
        command: name,
        collection,
        filter: d.q as Document,
        sort: undefined,
      }));
    case 'aggregate': {
      const match = (command.pipeline as Document[]).find((stage) => '$match' in stage);
      return [{ command: name, collection, filter: doc(match?.$match), sort: undefined }];
    }
    default:
      return [];
  }
}

/**
 * Whether one of `indexes` (plus the implicit `_id` index) lets a MongoDB planner answer the
 * query without a collection scan: the index's first key is bound by the filter (equality, `$in`
 * or a range), every `$or` branch is served on its own, and a sort's leading key is the index key
 * right after the equality-bound prefix (so the index yields that order), unless every key of
 * the index is bound by equality (a tight, small result sorted in memory). The planner's own answer is the explain check;
 * this rule is what can be checked on any server, FerretDB included.
 */
export function servedByIndex(query: SentQuery, indexes: readonly IndexDescription[]): boolean {
  const all = [{ key: { _id: 1 } }, ...indexes].map((i) => Object.keys(i.key));
  const { $or, ...rest } = query.filter as { $or?: Document[] } & Document;
  if ($or !== undefined) {
    return $or.every((branch) =>
      servedByIndex({ ...query, filter: { ...rest, ...branch } }, indexes),
    );
  }
  const bound = Object.keys(rest);
  const equal = new Set(bound.filter((field) => isEquality(rest[field])));
  // Sorting on a key bound to one value is no sort at all.
  const sort = Object.keys(query.sort ?? {}).filter((field) => !equal.has(field));
  return all.some((keys) => {
    const first = keys[0]!;
    if (!bound.includes(first) && !(bound.length === 0 && sort[0] === first)) return false;
    if (sort.length === 0) return true;
    const prefix = keys.findIndex((key) => !equal.has(key));
    if (prefix === -1) return true; // every key bound by equality: a tight, small result
    // The index yields the sort's leading key in order; ties on later keys are sorted among
    // themselves only.
    return keys[prefix] === sort[0];
  });
}

function doc(value: unknown): Document {
  return value ?? {};
}

/** The driver sends a sort as a Map (key order matters); the rule reads plain objects. */
function plain(sort: unknown): Document | undefined {
  if (sort instanceof Map) return Object.fromEntries(sort as Map<string, unknown>);
  return sort as Document | undefined;
}

function isEquality(condition: unknown): boolean {
  if (condition === null || typeof condition !== 'object' || condition instanceof Date) return true;
  const operators = Object.keys(condition);
  return operators.length > 0 && operators.every((op) => op === '$eq' || op === '$in');
}
