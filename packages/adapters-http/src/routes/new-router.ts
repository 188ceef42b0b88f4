import { OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../http-env.js';
import { validationHook } from '../problem/validation-hook.js';

/** Every resource router shares the validation hook, so every 400 looks the same. */
export function newRouter(): OpenAPIHono<HttpEnv> {
  return new OpenAPIHono<HttpEnv>({ defaultHook: validationHook });
}
