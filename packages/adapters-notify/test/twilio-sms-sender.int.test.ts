import { NotificationDeliveryError } from '@btg-funds/application';
import { afterEach, describe, expect, it } from 'vitest';
import { TwilioSmsSender, type TwilioConfig } from '../src/index.js';
import {
  ACCOUNT_SID,
  API_KEY_SID,
  AUTH_TOKEN,
  MESSAGING_SERVICE_SID,
  outgoing,
  SMS,
  TX,
} from './support/fixtures.js';
import { closedPort } from './support/free-port.js';
import { startTwilioTestServer, type TwilioTestServer } from './support/twilio-test-server.js';

describe('TwilioSmsSender: the real SDK against a local Messages API', () => {
  let server: TwilioTestServer | undefined;
  afterEach(() => server?.close());

  async function setUp(overrides: Partial<TwilioConfig> = {}, username = ACCOUNT_SID) {
    server = await startTwilioTestServer({ username, password: AUTH_TOKEN });
    const sender = new TwilioSmsSender({
      accountSid: ACCOUNT_SID,
      auth: { authToken: AUTH_TOKEN },
      sender: { from: '+15005550006' },
      apiBaseUrl: server.baseUrl,
      timeoutMs: 5_000,
      ...overrides,
    });
    return { server, sender };
  }

  it('posts To, From and the SMS body, authenticated with the account SID and auth token', async () => {
    const { server, sender } = await setUp();
    await sender.send(outgoing(SMS));
    expect(server.messages).toHaveLength(1);
    const request = server.messages[0]!;
    expect(request).toMatchObject({
      accountSid: ACCOUNT_SID,
      username: ACCOUNT_SID,
      password: AUTH_TOKEN,
    });
    expect(request.form.To).toBe('+573001234567');
    expect(request.form.From).toBe('+15005550006');
    expect(request.form.Body).toContain('FPV_BTG_PACTUAL_RECAUDADORA por $ 75.000');
    expect(request.form.Body).toContain(TX);
    expect(request.form.Body!.length).toBeLessThanOrEqual(160);
  });

  it('authenticates with an API key and sends through a messaging service', async () => {
    const { server, sender } = await setUp(
      {
        auth: { apiKeySid: API_KEY_SID, apiKeySecret: AUTH_TOKEN },
        sender: { messagingServiceSid: MESSAGING_SERVICE_SID },
      },
      API_KEY_SID,
    );
    await sender.send(outgoing(SMS));
    const request = server.messages[0]!;
    expect(request).toMatchObject({ accountSid: ACCOUNT_SID, username: API_KEY_SID });
    expect(request.form.MessagingServiceSid).toBe(MESSAGING_SERVICE_SID);
    expect(request.form.From).toBeUndefined();
  });

  it.each([
    [429, 20429, 'Too Many Requests', true],
    [500, 20500, 'Internal Server Error', true],
    [503, 20503, 'Service Unavailable', true],
    [400, 21211, "The 'To' number is not a valid phone number.", false],
    [400, 21610, 'Attempt to send to unsubscribed recipient', false],
  ])('maps HTTP %i (Twilio %i) to retryable=%s', async (status, code, message, retryable) => {
    const { server, sender } = await setUp();
    server.failures.push({ status, code, message });
    const failure = await sender.send(outgoing(SMS)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NotificationDeliveryError);
    expect(failure).toMatchObject({ retryable });
    expect((failure as Error).message).toContain(`HTTP ${status}, ${code}`);
    expect(server.messages).toHaveLength(0);
  });

  it('treats rejected credentials (401) as retryable: an operator can fix them', async () => {
    const { sender } = await setUp({ auth: { authToken: 'not-the-token' } });
    await expect(sender.send(outgoing(SMS))).rejects.toMatchObject({ retryable: true });
  });

  it('reports a refused connection as retryable', async () => {
    const port = await closedPort();
    const sender = new TwilioSmsSender({
      accountSid: ACCOUNT_SID,
      auth: { authToken: AUTH_TOKEN },
      sender: { from: '+15005550006' },
      apiBaseUrl: `http://127.0.0.1:${port}`,
      timeoutMs: 2_000,
    });
    await expect(sender.send(outgoing(SMS))).rejects.toMatchObject({
      name: 'NotificationDeliveryError',
      retryable: true,
    });
  });
});
