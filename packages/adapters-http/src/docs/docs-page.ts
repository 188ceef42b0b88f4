/** The Swagger UI page: no inline script, so a strict CSP (script-src 'self') holds. */
export function docsPage(base: string): string {
  return `<!doctype html>
<html lang="es">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>btg-funds API — documentación</title>
    <link rel="icon" type="image/png" href="${base}/assets/favicon-32x32.png" />
    <link rel="stylesheet" href="${base}/assets/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${base}/assets/swagger-ui-bundle.js"></script>
    <script src="${base}/init.js"></script>
  </body>
</html>
`;
}

export function docsInitScript(specUrl: string): string {
  return `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(specUrl)},
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: false,
  });
});
`;
}

/** Swagger UI needs its own scripts, inline styles and data: images; nothing external. */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
