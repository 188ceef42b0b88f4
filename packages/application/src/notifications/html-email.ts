/** An HTML e-mail body in Spanish: the greeting, then `paragraphs` (HTML, already escaped). */
export function htmlEmail(paragraphs: readonly string[]): string {
  return [
    '<!doctype html><html lang="es"><body>',
    '<p>Hola,</p>',
    ...paragraphs,
    '</body></html>',
  ].join('\n');
}
