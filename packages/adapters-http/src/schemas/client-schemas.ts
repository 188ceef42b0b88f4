import { z } from '@hono/zod-openapi';
import { MoneyOut, Timestamp } from './common.js';

export const Channel = z.enum(['email', 'sms']).openapi('NotificationChannel');

// The schema states the domain rules it can express, so a schema-valid request is accepted.
const Phone = z
  .string()
  .regex(/^\+[1-9]\d{7,14}$/)
  .openapi({ description: 'E.164, p. ej. +573001234567', example: '+573001234567' });

const FullName = z
  .string()
  .min(1)
  .max(120)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]*[^\s\u0000-\u001f\u007f][^\u0000-\u001f\u007f]*$/)
  .openapi({ description: 'Sin caracteres de control', example: 'Juana Pérez' });

// The domain's address check (packages/domain client.ts). Its "domain ≤ 253" lookahead is
// implied by maxLength 254, and lookaheads trip some schema-driven generators.
const EMAIL =
  /^[^\s@"<>()[\]\\,;:]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** The docs' "Try it out" registers this client, then logs in with the same prefilled values. */
export const DEMO_CLIENT = {
  email: 'juana.perez@example.com',
  password: 'una-clave-muy-segura',
  fullName: 'Juana Pérez',
  phone: '+573001234567',
} as const;

export const RegisterBody = z
  .strictObject({
    email: z.string().min(3).max(254).regex(EMAIL).openapi({ example: DEMO_CLIENT.email }),
    password: z.string().min(12).max(128).openapi({
      description: 'De 12 a 128 caracteres y como máximo 72 bytes en UTF-8',
      example: DEMO_CLIENT.password,
    }),
    fullName: FullName,
    phone: Phone.nullable().optional(),
    notificationPreference: Channel,
  })
  .openapi('RegisterRequest');

export const REGISTER_EXAMPLE = { ...DEMO_CLIENT, notificationPreference: 'email' as const };

export const UpdateProfileBody = z
  .strictObject({
    fullName: FullName.optional(),
    phone: Phone.nullable().optional().openapi({ description: 'null borra el teléfono' }),
    notificationPreference: Channel.optional(),
  })
  .openapi('UpdateProfileRequest');

export const UPDATE_PROFILE_EXAMPLE = {
  fullName: 'Juana Pérez Gómez',
  phone: DEMO_CLIENT.phone,
  notificationPreference: 'sms' as const,
};

export const Profile = z
  .object({
    id: z.string(),
    email: z.string(),
    fullName: z.string(),
    phone: z.string().nullable(),
    notificationPreference: Channel,
    role: z.enum(['client', 'admin']),
    balance: MoneyOut,
    currency: z.literal('COP'),
    createdAt: Timestamp,
    emailVerified: z.boolean().openapi({
      description:
        'El correo fue verificado con un código (POST /me/verification/email); sin verificar no recibe notificaciones',
    }),
    phoneVerified: z.boolean().openapi({
      description:
        'El teléfono actual fue verificado con un código (POST /me/verification/sms); cambiarlo lo deja sin verificar',
    }),
  })
  .openapi('ClientProfile', {
    example: {
      id: '0b8f7c1e-3d2a-4f5b-9c6d-7e8f9a0b1c2d',
      email: DEMO_CLIENT.email,
      fullName: DEMO_CLIENT.fullName,
      phone: DEMO_CLIENT.phone,
      notificationPreference: 'email',
      role: 'client',
      balance: '500000.00',
      currency: 'COP',
      createdAt: '2026-01-15T14:30:00.000Z',
      emailVerified: true,
      phoneVerified: false,
    },
  });
