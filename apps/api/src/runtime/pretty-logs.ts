import { createRequire } from 'node:module';
import type { AppConfig } from '../config/app-config.js';

/**
 * pino-pretty options for a developer's terminal: one line per entry (time, level, message,
 * then the fields), without the fields every line carries.
 */
export const PRETTY_OPTIONS = {
  colorize: true,
  singleLine: true,
  translateTime: 'SYS:HH:MM:ss.l',
  ignore: 'pid,hostname,service',
} as const;

/**
 * LOG_PRETTY=auto (the default) pretty-prints only for a person: stdout is a terminal, the
 * process is not in production, and pino-pretty (a root devDependency, absent from the
 * production image) is installed. Pipes, files and log shippers always get JSON lines.
 */
export function prettyLogs(
  config: Pick<AppConfig, 'env' | 'observability'>,
  stdoutIsTerminal: boolean,
  available: () => boolean = prettyInstalled,
): boolean {
  const setting = config.observability.logPretty;
  if (setting !== 'auto') return setting;
  return config.env !== 'production' && stdoutIsTerminal && available();
}

function prettyInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}
