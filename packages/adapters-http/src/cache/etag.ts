/**
 * If-None-Match (RFC 9110 §13.1.2): true when the header lists `etag` (weak comparison, so a
 * `W/` prefix matches too) or is `*`. An absent or malformed header never matches.
 */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const value = header.trim();
  if (value === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return value.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}
