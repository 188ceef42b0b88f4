import { anySet, read, type Env } from './env.js';
import type { SmtpConfig, SmtpConnection } from './notify-config.js';

const SMTP_VARS = [
  'SMTP_URL',
  'SMTP_HOST',
  'SMTP_PORT',
  'SMTP_USER',
  'SMTP_PASSWORD',
  'SMTP_SECURE',
  'SMTP_FROM',
];
// A bare address or `Display Name <address>`; the server has the final word on delivery.
const FROM = /^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

/** SMTP settings from SMTP_* variables; undefined when none is set (console fallback). */
export function smtpConfigFromEnv(env: Env, issues: string[]): SmtpConfig | undefined {
  const present = anySet(env, SMTP_VARS);
  if (present.length === 0) return undefined;
  const connection = smtpConnection(env, issues);
  const from = read(env, 'SMTP_FROM');
  if (from === undefined) issues.push('SMTP_FROM is required when SMTP is configured');
  else if (!FROM.test(from)) issues.push('SMTP_FROM must be an address or "Name <address>"');
  if (connection === undefined || from === undefined) return undefined;
  return { connection, from };
}

function smtpConnection(env: Env, issues: string[]): SmtpConnection | undefined {
  const url = read(env, 'SMTP_URL');
  const host = read(env, 'SMTP_HOST');
  if (url !== undefined) {
    const others = anySet(env, [
      'SMTP_HOST',
      'SMTP_PORT',
      'SMTP_USER',
      'SMTP_PASSWORD',
      'SMTP_SECURE',
    ]);
    if (others.length > 0)
      issues.push(`SMTP_URL excludes ${others.join(', ')}: set one or the other`);
    if (!isSmtpUrl(url)) issues.push('SMTP_URL must be an smtp:// or smtps:// URL');
    return { url };
  }
  if (host === undefined) {
    issues.push('SMTP_URL or SMTP_HOST is required when SMTP is configured');
    return undefined;
  }
  const secure = parseBoolean(read(env, 'SMTP_SECURE'), 'SMTP_SECURE', issues);
  const port = parsePort(read(env, 'SMTP_PORT'), issues) ?? (secure === true ? 465 : 587);
  const user = read(env, 'SMTP_USER');
  const password = read(env, 'SMTP_PASSWORD');
  if ((user === undefined) !== (password === undefined)) {
    issues.push('SMTP_USER and SMTP_PASSWORD go together');
  }
  return { host, port, secure: secure ?? port === 465, user, password };
}

function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function parsePort(value: string | undefined, issues: string[]): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (/^\d{1,5}$/.test(value) && port >= 1 && port <= 65_535) return port;
  issues.push('SMTP_PORT must be a port number (1-65535)');
  return undefined;
}

export function parseBoolean(
  value: string | undefined,
  name: string,
  issues: string[],
): boolean | undefined {
  if (value === undefined) return undefined;
  const normalized = value.toLowerCase();
  if (['true', '1', 'yes'].includes(normalized)) return true;
  if (['false', '0', 'no'].includes(normalized)) return false;
  issues.push(`${name} must be true or false`);
  return undefined;
}
