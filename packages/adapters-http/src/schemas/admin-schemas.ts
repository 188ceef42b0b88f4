import { z } from '@hono/zod-openapi';
import { Profile } from './client-schemas.js';

export const ClientPage = z
  .object({ items: z.array(Profile), nextCursor: z.string().nullable() })
  .openapi('ClientPage');

export const ClientPageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .openapi({ type: 'integer', example: 20 }),
  cursor: z.string().min(1).max(512).optional(),
});

export const ClientIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(128)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
