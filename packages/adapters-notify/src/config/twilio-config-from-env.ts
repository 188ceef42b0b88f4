import { anySet, read, type Env } from './env.js';
import type { TwilioAuth, TwilioConfig, TwilioSender } from './notify-config.js';

const TWILIO_VARS = [
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_API_KEY',
  'TWILIO_API_SECRET',
  'TWILIO_FROM',
  'TWILIO_MESSAGING_SERVICE_SID',
];
const SID = (prefix: string): RegExp => new RegExp(`^${prefix}[0-9a-fA-F]{32}$`);
// E.164 number, short code, or alphanumeric sender id (1-11 characters, at least one letter).
const FROM = /^(?:\+[1-9]\d{7,14}|\d{3,8}|(?=[A-Za-z0-9 ]{1,11}$)[0-9 ]*[A-Za-z][A-Za-z0-9 ]*)$/;

/** Twilio settings from TWILIO_* variables; undefined when none is set (console fallback). */
export function twilioConfigFromEnv(env: Env, issues: string[]): TwilioConfig | undefined {
  if (anySet(env, TWILIO_VARS).length === 0) return undefined;
  const accountSid = read(env, 'TWILIO_ACCOUNT_SID');
  if (accountSid === undefined)
    issues.push('TWILIO_ACCOUNT_SID is required when Twilio is configured');
  else if (!SID('AC').test(accountSid))
    issues.push('TWILIO_ACCOUNT_SID must look like AC + 32 hex digits');
  const auth = twilioAuth(env, issues);
  const sender = twilioSender(env, issues);
  if (accountSid === undefined || auth === undefined || sender === undefined) return undefined;
  return { accountSid, auth, sender };
}

function twilioAuth(env: Env, issues: string[]): TwilioAuth | undefined {
  const authToken = read(env, 'TWILIO_AUTH_TOKEN');
  const apiKeySid = read(env, 'TWILIO_API_KEY');
  const apiKeySecret = read(env, 'TWILIO_API_SECRET');
  const usesKey = apiKeySid !== undefined || apiKeySecret !== undefined;
  if (authToken !== undefined && usesKey) {
    issues.push('set TWILIO_AUTH_TOKEN or TWILIO_API_KEY/TWILIO_API_SECRET, not both');
    return undefined;
  }
  if (authToken !== undefined) return { authToken };
  if (apiKeySid === undefined || apiKeySecret === undefined) {
    issues.push('Twilio needs TWILIO_AUTH_TOKEN, or TWILIO_API_KEY with TWILIO_API_SECRET');
    return undefined;
  }
  if (!SID('SK').test(apiKeySid)) issues.push('TWILIO_API_KEY must look like SK + 32 hex digits');
  return { apiKeySid, apiKeySecret };
}

function twilioSender(env: Env, issues: string[]): TwilioSender | undefined {
  const from = read(env, 'TWILIO_FROM');
  const messagingServiceSid = read(env, 'TWILIO_MESSAGING_SERVICE_SID');
  if (from !== undefined && messagingServiceSid !== undefined) {
    issues.push('set TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID, not both');
    return undefined;
  }
  if (from !== undefined) {
    if (!FROM.test(from))
      issues.push('TWILIO_FROM must be an E.164 number, a short code or a sender id');
    return { from };
  }
  if (messagingServiceSid !== undefined) {
    if (!SID('MG').test(messagingServiceSid)) {
      issues.push('TWILIO_MESSAGING_SERVICE_SID must look like MG + 32 hex digits');
    }
    return { messagingServiceSid };
  }
  issues.push('Twilio needs TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID');
  return undefined;
}
