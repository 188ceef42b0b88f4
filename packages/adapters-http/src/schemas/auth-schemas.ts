import { z } from '@hono/zod-openapi';
import { DEMO_CLIENT } from './client-schemas.js';

export const LoginBody = z
  .strictObject({
    email: z.string().min(1).max(254).openapi({ example: DEMO_CLIENT.email }),
    password: z.string().min(1).max(1024).openapi({ example: DEMO_CLIENT.password }),
  })
  .openapi('LoginRequest');

/** Prefilled in the docs: the account the register example creates. */
export const LOGIN_EXAMPLE = { email: DEMO_CLIENT.email, password: DEMO_CLIENT.password };

const RefreshToken = z.string().min(1).max(512).openapi({
  description: 'Token opaco de renovación entregado por /auth/login o /auth/refresh',
  example: 'b3BhcXVlLXJlZnJlc2gtdG9rZW4tZXhhbXBsZQ',
});

export const RefreshBody = z.strictObject({ refreshToken: RefreshToken }).openapi('RefreshRequest');

export const TokenPairSchema = z
  .object({
    accessToken: z.string().openapi({ description: 'JWT de acceso (Authorization: Bearer …)' }),
    tokenType: z.literal('Bearer'),
    expiresIn: z.int().openapi({ description: 'Vigencia del token de acceso, en segundos' }),
    refreshToken: RefreshToken,
  })
  .openapi('TokenPair', {
    example: {
      accessToken: 'eyJhbGciOiJFZERTQSIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIuLi4ifQ.c2lnbmF0dXJh',
      tokenType: 'Bearer',
      expiresIn: 900,
      refreshToken: 'b3BhcXVlLXJlZnJlc2gtdG9rZW4tZXhhbXBsZQ',
    },
  });
