import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

/** One command as a client sent it: its name (`insert`, `find`…) and its collection, if any. */
export interface SeenCommand {
  readonly name: string;
  readonly collection: string | null;
}

export type CommandMatcher = (command: SeenCommand) => boolean;

const OP_MSG = 2013;

/**
 * A TCP proxy in front of a MongoDB-wire server that reads the wire protocol enough to name
 * each command, so tests can stall the store the way an operator's worst day does: hold the
 * replies to chosen commands (the write reached the server; its answer never comes back), or
 * freeze all traffic (a paused server), then let it go. Loopback only; close() ends it all.
 */
export class WireProxy {
  readonly seen: SeenCommand[] = [];
  private readonly sockets = new Set<Socket>();
  private holdMatching: CommandMatcher | null = null;
  private frozen = false;
  private readonly held: Array<() => void> = [];

  private constructor(
    private readonly server: Server,
    private readonly target: { host: string; port: number },
  ) {}

  /** Starts a proxy on 127.0.0.1 (a free port) to the server of `uri` (mongodb://host:port/…). */
  static async start(uri: string): Promise<WireProxy> {
    const match = /^mongodb:\/\/([^/:,]+):(\d+)/.exec(uri);
    if (match === null) throw new Error('WireProxy needs a mongodb://host:port URI');
    const server = createServer();
    const proxy = new WireProxy(server, { host: match[1]!, port: Number(match[2]) });
    server.on('connection', (client) => proxy.pipe(client));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  /** A connection string to the proxy, for database `dbName`. */
  uri(dbName: string): string {
    return `mongodb://127.0.0.1:${(this.server.address() as AddressInfo).port}/${dbName}`;
  }

  /** Replies to commands that match are held (the command itself reaches the server). */
  holdRepliesTo(matcher: CommandMatcher): void {
    this.holdMatching = matcher;
  }

  /** Nothing passes in either direction until `release()`. */
  freeze(): void {
    this.frozen = true;
  }

  /** Stops holding and freezing, and delivers everything held, in order. */
  release(): void {
    this.holdMatching = null;
    this.frozen = false;
    for (const deliver of this.held.splice(0)) deliver();
  }

  count(matcher: CommandMatcher): number {
    return this.seen.filter(matcher).length;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private pipe(client: Socket): void {
    const upstream = connect(this.target.port, this.target.host);
    this.sockets.add(client).add(upstream);
    const heldRequests = new Set<number>();
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
    messages(client, (message) => {
      const command = commandOf(message);
      if (command !== null) {
        this.seen.push(command);
        if (this.holdMatching?.(command) === true) heldRequests.add(message.readInt32LE(4));
      }
      this.forward(() => upstream.write(message));
    });
    messages(upstream, (message) => {
      const responseTo = message.readInt32LE(8);
      if (heldRequests.delete(responseTo) && this.holdMatching !== null) {
        this.held.push(() => client.write(message));
        return;
      }
      this.forward(() => client.write(message));
    });
  }

  private forward(deliver: () => void): void {
    if (this.frozen) this.held.push(deliver);
    else deliver();
  }
}

/** Splits a byte stream into whole wire messages (each starts with its int32 length). */
function messages(socket: Socket, onMessage: (message: Buffer) => void): void {
  let buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (buffer.length >= 4 && buffer.length >= buffer.readInt32LE(0)) {
      const length = buffer.readInt32LE(0);
      onMessage(buffer.subarray(0, length));
      buffer = buffer.subarray(length);
    }
  });
}

/** The command of an OP_MSG: the first element of its body document, and its string value. */
function commandOf(message: Buffer): SeenCommand | null {
  if (message.length < 26 || message.readInt32LE(12) !== OP_MSG || message[20] !== 0) return null;
  const element = 21 + 4; // header 16, flagBits 4, section kind 1, document length 4
  const type = message[element];
  const nameEnd = message.indexOf(0, element + 1);
  if (nameEnd < 0) return null;
  const name = message.toString('utf8', element + 1, nameEnd);
  if (type !== 0x02) return { name, collection: null };
  const size = message.readInt32LE(nameEnd + 1);
  const collection = message.toString('utf8', nameEnd + 5, nameEnd + 4 + size);
  return { name, collection };
}
