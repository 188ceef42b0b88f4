import { createRequire } from 'node:module';
import type Nodemailer from 'nodemailer';
import type Twilio from 'twilio';

/**
 * Each provider SDK is loaded by the first sender built for it, not when this package is
 * imported: a process with no SMTP or Twilio configured (local runs, the bench, a deployment
 * with one channel) never holds nodemailer, or twilio and its axios — together ~8 MB of V8 heap
 * and ~30 MB resident (docs/performance.md, "Memory"). Both are CommonJS, so `require` loads
 * them synchronously, once (Node's module cache), and the constructors stay synchronous.
 */
const load = createRequire(import.meta.url);

export const nodemailerSdk = (): typeof Nodemailer => load('nodemailer') as typeof Nodemailer;
export const twilioSdk = (): typeof Twilio => load('twilio') as typeof Twilio;
