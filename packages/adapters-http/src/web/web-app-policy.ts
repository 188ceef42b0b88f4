/**
 * The page's Content-Security-Policy: everything from this origin only, no inline script or
 * style, no eval, no plugins, no framing, and Trusted Types enforced (no string reaches an HTML
 * or script sink; the app creates no policy).
 */
export const WEB_APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

/** Fingerprinted by the bundler (a new name for new content): cache for a year, never revalidate. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current fingerprints: never served from a cache. */
export const NO_STORE = 'no-store';
/** Other root files (favicon): may be cached, but checked each time (ETag). */
export const REVALIDATE = 'no-cache';

/**
 * Paths the single-page app must never answer, whatever is (or is not) behind them: an unknown
 * API route stays a 404 problem, never the app's HTML.
 */
const RESERVED = /^\/(?:api(?:\/|$)|health(?:\/|$)|metrics(?:\/|$)|docs(?:\/|$)|openapi\.json$)/;

export function isReservedPath(path: string): boolean {
  return RESERVED.test(path);
}

/** A path that names a file (has an extension in its last segment) is never a screen. */
export function looksLikeFile(path: string): boolean {
  return /\.[A-Za-z0-9]+$/.test(path.slice(path.lastIndexOf('/') + 1));
}
