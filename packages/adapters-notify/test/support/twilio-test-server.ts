import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface TwilioError {
  readonly status: number;
  readonly code: number;
  readonly message: string;
}

export interface TwilioRequest {
  readonly accountSid: string;
  readonly username: string;
  readonly password: string;
  readonly form: Readonly<Record<string, string>>;
}

export interface TwilioTestServer {
  readonly baseUrl: string;
  /** Requests that authenticated and were accepted (201). */
  readonly messages: TwilioRequest[];
  /** Answers to give instead of accepting, one per request. */
  readonly failures: TwilioError[];
  close(): Promise<void>;
}

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Messages\.json$/;

/**
 * A local server speaking Twilio's Messages API as the SDK uses it: form-encoded POST, HTTP
 * Basic auth (account SID or API key SID as username), 201 with a Message resource, errors as
 * Twilio's `{code, message, more_info, status}` JSON.
 */
export async function startTwilioTestServer(credentials: {
  readonly username: string;
  readonly password: string;
}): Promise<TwilioTestServer> {
  const messages: TwilioRequest[] = [];
  const failures: TwilioError[] = [];
  const server = createServer((request, response) => {
    void handle(request, response);
  });
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const match = MESSAGES_PATH.exec(request.url ?? '');
    if (request.method !== 'POST' || match === null) {
      return reply(response, 404, error(404, 20404, 'The requested resource was not found'));
    }
    const [username, password] = basicAuth(request.headers.authorization);
    if (username !== credentials.username || password !== credentials.password) {
      return reply(response, 401, error(401, 20003, 'Authenticate'));
    }
    const failure = failures.shift();
    if (failure !== undefined) {
      return reply(response, failure.status, error(failure.status, failure.code, failure.message));
    }
    const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    const accountSid = match[1] ?? '';
    messages.push({ accountSid, username, password, form });
    reply(response, 201, messageResource(accountSid, form));
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    messages,
    failures,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function basicAuth(header: string | undefined): [string, string] {
  const encoded = /^Basic (.+)$/.exec(header ?? '')?.[1] ?? '';
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? ['', ''] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function error(status: number, code: number, message: string): object {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

function messageResource(accountSid: string, form: Readonly<Record<string, string>>): object {
  const sid = `SM${randomBytes(16).toString('hex')}`;
  const now = new Date().toUTCString().replace('GMT', '+0000');
  return {
    account_sid: accountSid,
    api_version: '2010-04-01',
    body: form.Body ?? '',
    date_created: now,
    date_sent: null,
    date_updated: now,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: form.From ?? null,
    messaging_service_sid: form.MessagingServiceSid ?? null,
    num_media: '0',
    num_segments: '1',
    price: null,
    price_unit: 'USD',
    sid,
    status: 'queued',
    subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` },
    to: form.To ?? '',
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
  };
}
