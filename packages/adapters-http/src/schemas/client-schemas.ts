import { z } from '@hono/zod-openapi';
import { MoneyOut, Timestamp } from './common.js';

export const Channel = z.enum(['email', 'sms']).openapi('NotificationChannel');

// The schema states the domain rules it can express, so a schema-valid request is accepted.
const Phone = z
  .string()
  .regex(/^\+[1-9]\d{7,14}$/)
  .openapi({ description: 'E.164, e.g. +573001234567', example: '+573001234567' });

const FullName = z
  .string()
  .min(1)
  .max(120)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]*[^\s\u0000-\u001f\u007f][^\u0000-\u001f\u007f]*$/)
  .openapi({ description: 'No control characters', example: 'Juana Pérez' });

// The domain's address check (packages/domain client.ts). Its "domain ≤ 253" lookahead is
// implied by maxLength 254, and lookaheads trip some schema-driven generators.
const EMAIL =
  /^[^\s@"<>()[\]\\,;:]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export const RegisterBody = z
  .strictObject({
    email: z.string().min(3).max(254).regex(EMAIL).openapi({ example: 'juana@example.com' }),
    password: z.string().min(12).max(128).openapi({
      description: '12–128 characters and at most 72 bytes in UTF-8',
      example: 'una-clave-muy-segura',
    }),
    fullName: FullName,
    phone: Phone.nullable().optional(),
    notificationPreference: Channel,
  })
  .openapi('RegisterRequest');

export const UpdateProfileBody = z
  .strictObject({
    fullName: FullName.optional(),
    phone: Phone.nullable().optional().openapi({ description: 'null removes the phone' }),
    notificationPreference: Channel.optional(),
  })
  .openapi('UpdateProfileRequest');

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
  })
  .openapi('ClientProfile');
