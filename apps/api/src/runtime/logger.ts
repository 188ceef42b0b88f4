import { pino, type Logger } from 'pino';

/**
 * JSON lines on stdout. Redaction is a safety net: code never logs secrets on purpose, and
 * these paths catch the ones that would slip in through an error or a request object.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'btg-funds-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        '*.password',
        '*.authorization',
        '*.accessToken',
        '*.refreshToken',
        '*.email',
        'req.headers.authorization',
      ],
      censor: '[redacted]',
    },
  });
}
