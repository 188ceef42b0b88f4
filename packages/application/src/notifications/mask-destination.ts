/**
 * Hides most of an email address or phone number (logs, GET /notifications) while leaving
 * enough for its owner to recognise it:
 * `juan.perez@example.com` → `j***z@example.com`, `+573001234567` → `+57******4567`.
 * The domain stays visible: it identifies a provider, not a person.
 */
export function maskDestination(destination: string): string {
  const value = destination.trim();
  const at = value.lastIndexOf('@');
  if (at >= 0) return `${maskLocalPart(value.slice(0, at))}@${value.slice(at + 1)}`;
  // Phones: the country code and the last four digits, as banks print them.
  if (value.length <= 8) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

function maskLocalPart(local: string): string {
  // Short local parts would be readable from their first and last characters: show one only.
  if (local.length <= 3) return `${local.slice(0, 1)}***`;
  return `${local.slice(0, 1)}***${local.slice(-1)}`;
}
