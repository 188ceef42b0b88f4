/** An API returns data, never a page: nothing may load, frame or sniff it. */
export const API_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** On every response, whatever the handler set. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
});

/** Computed once: the loop below runs on every response it handles. */
const ALWAYS = Object.entries(SECURITY_HEADERS);

/**
 * Applied to the finished response, after the error handler, so errors carry the same headers.
 * Handlers that serve something else (the docs page) set their own CSP and Cache-Control first;
 * those two are only defaulted, never overwritten.
 */
export function applySecurityHeaders(headers: Headers): void {
  for (const [name, value] of ALWAYS) headers.set(name, value);
  if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', API_CSP);
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
  headers.delete('X-Powered-By');
}
