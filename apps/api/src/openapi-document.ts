import { API_BASE } from '@btg-funds/adapters-http';
import { loadConfig } from './config/load-config.js';
import { createContainer } from './container.js';
import { createLogger } from './runtime/logger.js';
import { resolve, TOKENS } from './tokens.js';

/**
 * The OpenAPI document exactly as `npm start` serves it: the same composition root and the same
 * Hono app, called in process (no port, no storage, nothing started). The configuration is fixed
 * (the defaults) so that the committed `openapi.json` never depends on who generated it.
 */
export async function openApiJson(): Promise<string> {
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const container = createContainer(config, createLogger({ level: 'silent' }));
  const app = resolve(container, TOKENS.HttpApp);
  const res = await app.request(`${API_BASE}/openapi.json`);
  if (res.status !== 200) throw new Error(`${API_BASE}/openapi.json answered ${res.status}`);
  // Two-space JSON with a final newline: reviewable diffs, stable bytes.
  return `${JSON.stringify(await res.json(), null, 2)}\n`;
}
