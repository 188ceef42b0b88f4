import { describe, expect, it } from 'vitest';
import { NotifyConfigError } from './notify-config-error.js';
import { notifyConfigFromEnv } from './notify-config-from-env.js';

const AC = `AC${'0a'.repeat(16)}`;
const SK = `SK${'1b'.repeat(16)}`;
const MG = `MG${'2c'.repeat(16)}`;

function issues(env: Record<string, string>): readonly string[] {
  try {
    notifyConfigFromEnv(env);
  } catch (error) {
    if (error instanceof NotifyConfigError) return error.issues;
    throw error;
  }
  return [];
}

describe('notifyConfigFromEnv', () => {
  it('configures no provider when nothing is set (console delivery)', () => {
    expect(notifyConfigFromEnv({})).toEqual({ smtp: undefined, twilio: undefined });
    expect(notifyConfigFromEnv({ SMTP_URL: '  ', PATH: '/bin' })).toEqual({
      smtp: undefined,
      twilio: undefined,
    });
  });

  it('reads SMTP_URL', () => {
    const config = notifyConfigFromEnv({
      SMTP_URL: 'smtps://u:p@mail.example.com',
      SMTP_FROM: 'a@b.co',
    });
    expect(config.smtp).toEqual({
      connection: { url: 'smtps://u:p@mail.example.com' },
      from: 'a@b.co',
    });
  });

  it('reads SMTP host settings with sensible port/TLS defaults', () => {
    const base = { SMTP_HOST: 'mail.example.com', SMTP_FROM: 'BTG Pactual <no-reply@btg.example>' };
    expect(notifyConfigFromEnv(base).smtp?.connection).toEqual({
      host: 'mail.example.com',
      port: 587,
      secure: false,
      user: undefined,
      password: undefined,
    });
    expect(notifyConfigFromEnv({ ...base, SMTP_SECURE: 'true' }).smtp?.connection).toMatchObject({
      port: 465,
      secure: true,
    });
    expect(notifyConfigFromEnv({ ...base, SMTP_PORT: '465' }).smtp?.connection).toMatchObject({
      secure: true,
    });
    expect(
      notifyConfigFromEnv({ ...base, SMTP_PORT: '2525', SMTP_USER: 'u', SMTP_PASSWORD: 'p' }).smtp
        ?.connection,
    ).toMatchObject({ port: 2525, secure: false, user: 'u', password: 'p' });
  });

  it('rejects half-configured or contradictory SMTP settings, all problems at once', () => {
    expect(issues({ SMTP_HOST: 'mail.example.com' })).toEqual([
      'SMTP_FROM is required when SMTP is configured',
    ]);
    expect(issues({ SMTP_FROM: 'a@b.co' })).toEqual([
      'SMTP_URL or SMTP_HOST is required when SMTP is configured',
    ]);
    expect(issues({ SMTP_URL: 'http://x', SMTP_HOST: 'y', SMTP_FROM: 'nope' })).toHaveLength(3);
    expect(
      issues({
        SMTP_HOST: 'h',
        SMTP_FROM: 'a@b.co',
        SMTP_PORT: '99999',
        SMTP_SECURE: 'maybe',
        SMTP_USER: 'u',
      }),
    ).toEqual([
      'SMTP_SECURE must be true or false',
      'SMTP_PORT must be a port number (1-65535)',
      'SMTP_USER and SMTP_PASSWORD go together',
    ]);
  });

  it('reads Twilio with an auth token and a from number', () => {
    expect(
      notifyConfigFromEnv({
        TWILIO_ACCOUNT_SID: AC,
        TWILIO_AUTH_TOKEN: 't',
        TWILIO_FROM: '+15005550006',
      }).twilio,
    ).toEqual({
      accountSid: AC,
      auth: { authToken: 't' },
      sender: { from: '+15005550006' },
    });
  });

  it('reads Twilio with an API key and a messaging service', () => {
    const env = {
      TWILIO_ACCOUNT_SID: AC,
      TWILIO_API_KEY: SK,
      TWILIO_API_SECRET: 's',
      TWILIO_MESSAGING_SERVICE_SID: MG,
    };
    expect(notifyConfigFromEnv(env).twilio).toEqual({
      accountSid: AC,
      auth: { apiKeySid: SK, apiKeySecret: 's' },
      sender: { messagingServiceSid: MG },
    });
  });

  it('rejects incomplete or ambiguous Twilio settings without echoing secrets', () => {
    expect(issues({ TWILIO_AUTH_TOKEN: 'secret-value' })).toEqual([
      'TWILIO_ACCOUNT_SID is required when Twilio is configured',
      'Twilio needs TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID',
    ]);
    const both = issues({
      TWILIO_ACCOUNT_SID: 'XX1',
      TWILIO_AUTH_TOKEN: 'secret-value',
      TWILIO_API_KEY: SK,
      TWILIO_FROM: '+1',
      TWILIO_MESSAGING_SERVICE_SID: MG,
    });
    expect(both).toHaveLength(3);
    expect(both.join(' ')).not.toContain('secret-value');
    expect(
      issues({ TWILIO_ACCOUNT_SID: AC, TWILIO_API_KEY: SK, TWILIO_FROM: '+15005550006' }),
    ).toEqual(['Twilio needs TWILIO_AUTH_TOKEN, or TWILIO_API_KEY with TWILIO_API_SECRET']);
  });
});
