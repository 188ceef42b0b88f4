import type { Context, Hono } from 'hono';
import type { HttpEnv } from '../http-env.js';
import { API_BASE } from './docs-routes.js';

/** What `GET /` answers; the composition root may replace it (the web app, once it exists). */
export type HomeHandler = (c: Context<HttpEnv>) => Response | Promise<Response>;

/** Until there is a web app, a visitor of the bare host lands on the interactive docs. */
export const redirectToDocs: HomeHandler = (c) => c.redirect(`${API_BASE}/docs`, 302);

export function mountHome(app: Hono<HttpEnv>, handler: HomeHandler = redirectToDocs): void {
  app.get('/', handler);
}
