import { z } from '@hono/zod-openapi';

export const LoginBody = z
  .strictObject({
    email: z.string().min(1).max(254).openapi({ example: 'juana@example.com' }),
    password: z.string().min(1).max(1024),
  })
  .openapi('LoginRequest');

export const RefreshBody = z
  .strictObject({ refreshToken: z.string().min(1).max(512) })
  .openapi('RefreshRequest');

export const TokenPairSchema = z
  .object({
    accessToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.int().openapi({ description: 'Access-token lifetime in seconds' }),
    refreshToken: z.string(),
  })
  .openapi('TokenPair');
