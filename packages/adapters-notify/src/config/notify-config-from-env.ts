import type { Env } from './env.js';
import type { NotifyConfig } from './notify-config.js';
import { NotifyConfigError } from './notify-config-error.js';
import { smtpConfigFromEnv } from './smtp-config-from-env.js';
import { twilioConfigFromEnv } from './twilio-config-from-env.js';

/**
 * Reads SMTP_* and TWILIO_* variables. A provider left entirely unset means "log instead";
 * a provider half set is a deployment mistake and stops the start-up (NotifyConfigError)
 * rather than silently printing messages that should have been delivered.
 */
export function notifyConfigFromEnv(env: Env): NotifyConfig {
  const issues: string[] = [];
  const smtp = smtpConfigFromEnv(env, issues);
  const twilio = twilioConfigFromEnv(env, issues);
  if (issues.length > 0) throw new NotifyConfigError(issues);
  return { smtp, twilio };
}
