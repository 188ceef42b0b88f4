/** The document-level parts of the OpenAPI document: what a reader sees before any operation. */
export const OPENAPI_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'btg-funds API',
    version: '1.0.0',
    description: [
      'Fondos de inversión BTG Pactual: suscripción (apertura), cancelación, historial y',
      'notificaciones. Cada cliente nuevo empieza con COP 500.000.',
      '',
      '**Para probar**: `POST /auth/register` y luego `POST /auth/login` con los valores',
      'precargados; copie el `accessToken` en **Authorize**.',
      '',
      '- Montos: cadenas decimales con dos decimales (`"75000.00"`); en las solicitudes también',
      '  números. Fechas: ISO-8601 UTC.',
      '- Errores: `application/problem+json` (RFC 9457) con `code` estable y `detail` en español;',
      '  cada respuesta de error enumera los códigos posibles.',
      '- Operaciones de dinero: envíe `Idempotency-Key`; repetirla con el mismo cuerpo devuelve la',
      '  primera respuesta (`Idempotent-Replayed: true`) sin mover dinero.',
    ].join('\n'),
  },
  servers: [
    { url: '/', description: 'El servidor que entrega este documento' },
    { url: 'http://127.0.0.1:3000', description: 'Local (npm start)' },
  ],
  tags: [
    { name: 'auth', description: 'Registro, ingreso y sesión' },
    { name: 'me', description: 'Mi perfil y mi saldo' },
    { name: 'funds', description: 'Fondos de inversión' },
    { name: 'subscriptions', description: 'Suscripciones (apertura y cancelación)' },
    { name: 'transactions', description: 'Historial de movimientos' },
    { name: 'notifications', description: 'Notificaciones enviadas por correo o SMS' },
    { name: 'admin', description: 'Administración de clientes' },
    { name: 'health', description: 'Operación: vida, disponibilidad y métricas' },
  ],
  security: [],
};
