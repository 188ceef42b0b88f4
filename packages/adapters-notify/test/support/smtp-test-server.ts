import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpReply {
  readonly stage: 'rcpt' | 'data';
  readonly responseCode: number;
  readonly message: string;
}

export interface SmtpTestServer {
  readonly port: number;
  /** Messages accepted so far, parsed, with the SMTP envelope recipients. */
  readonly received: ReadonlyArray<{ readonly mail: ParsedMail; readonly rcptTo: string[] }>;
  readonly logins: string[];
  /** SMTP sessions opened so far (a pooled sender reuses one for many messages). */
  connections(): number;
  /** Replies to give instead of accepting, one per message; `undefined` accepts. */
  readonly failures: Array<SmtpReply | undefined>;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 and a random port (smtp-server), keeping what it receives. */
export async function startSmtpTestServer(
  options: { readonly credentials?: { user: string; password: string } } = {},
): Promise<SmtpTestServer> {
  const received: Array<{ mail: ParsedMail; rcptTo: string[] }> = [];
  const logins: string[] = [];
  const failures: Array<SmtpReply | undefined> = [];
  let current: SmtpReply | undefined;
  let connections = 0;
  const reject = (reply: SmtpReply): Error =>
    Object.assign(new Error(reply.message), { responseCode: reply.responseCode });
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    authOptional: options.credentials === undefined,
    closeTimeout: 1_000,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onAuth(auth, _session, callback) {
      const expected = options.credentials;
      if (expected && auth.username === expected.user && auth.password === expected.password) {
        logins.push(auth.username);
        callback(null, { user: auth.username });
      } else callback(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
    },
    onMailFrom(_address, _session, callback) {
      current = failures.shift();
      callback();
    },
    onRcptTo(_address, _session, callback) {
      callback(current?.stage === 'rcpt' ? reject(current) : null);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (current?.stage === 'data') return callback(reject(current));
          received.push({ mail, rcptTo: session.envelope.rcptTo.map((r) => r.address) });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    received,
    logins,
    failures,
    connections: () => connections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
