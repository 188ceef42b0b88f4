/**
 * Hides most of an email address or phone number (logs, GET /notifications):
 * `juan.perez@example.com` → `j***z@example.com`, `+573001234567` → `+57*******4567`.
 */
export function maskDestination(destination: string): string {
  const at = destination.lastIndexOf('@');
  if (at > 0) {
    const local = destination.slice(0, at);
    const visible =
      local.length <= 2 ? local.slice(0, 1) : `${local.slice(0, 1)}***${local.slice(-1)}`;
    return `${visible}${local.length <= 2 ? '***' : ''}@${destination.slice(at + 1)}`;
  }
  if (destination.length <= 6) return '*'.repeat(destination.length);
  return `${destination.slice(0, 3)}${'*'.repeat(destination.length - 7)}${destination.slice(-4)}`;
}
