/** Sets `key` to `value` and returns `value`: `map.get(key) ?? put(map, key, made)`. */
export function put<K, V>(map: Map<K, V>, key: K, value: V): V {
  map.set(key, value);
  return value;
}
