import { createServer, connect, type Server, type Socket } from 'node:net';

/** What to do with the next commands that match. */
type FaultMode = 'drop-request' | 'drop-reply';

interface Fault {
  readonly command: string;
  readonly collection: string;
  readonly mode: FaultMode;
  left: number;
}

/**
 * A TCP proxy between the API processes and the MongoDB-wire server that can cut a connection at
 * the worst moment: before a command reaches the server (nothing written), or after the server
 * executed it and before the reply reaches the driver (written, yet reported as a network error).
 * It reads only OP_MSG headers and the command's first field; everything else passes untouched.
 */
export class WireFaultProxy {
  private readonly faults: Fault[] = [];
  private readonly sockets = new Set<Socket>();
  /** `mode command collection` of every fault applied, in order. */
  readonly applied: string[] = [];

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(upstreamPort: number, upstreamHost = '127.0.0.1'): Promise<WireFaultProxy> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const proxy = new WireFaultProxy(
      server,
      typeof address === 'object' && address ? address.port : 0,
    );
    server.on('connection', (client) => proxy.pipe(client, upstreamHost, upstreamPort));
    return proxy;
  }

  /** The next `times` `command` on `collection` never reach the server. */
  dropRequest(command: string, collection: string, times = 1): void {
    this.faults.push({ command, collection, mode: 'drop-request', left: times });
  }

  /** The next `times` `command` on `collection` run on the server; their reply is lost. */
  dropReply(command: string, collection: string, times = 1): void {
    this.faults.push({ command, collection, mode: 'drop-reply', left: times });
  }

  disarm(): void {
    this.faults.length = 0;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private pipe(client: Socket, host: string, port: number): void {
    const upstream = connect(port, host);
    this.sockets.add(client).add(upstream);
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      socket.on('error', cut);
      socket.on('close', () => {
        this.sockets.delete(socket);
        cut();
      });
    }
    let cutOnReply = false;
    upstream.on('data', (chunk: Buffer) => {
      // The server answered: the command ran. Losing the answer is the fault.
      if (cutOnReply) cut();
      else client.write(chunk);
    });
    let pending = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
        const message = pending.subarray(0, pending.readInt32LE(0));
        pending = pending.subarray(message.length);
        const fault = this.match(message);
        if (fault?.mode === 'drop-request') return cut();
        upstream.write(message);
        if (fault?.mode === 'drop-reply') cutOnReply = true;
      }
    });
  }

  private match(message: Buffer): Fault | undefined {
    const command = commandOf(message);
    if (command === null) return undefined;
    const fault = this.faults.find(
      (f) => f.left > 0 && f.command === command.name && f.collection === command.collection,
    );
    if (fault === undefined) return undefined;
    fault.left -= 1;
    this.applied.push(`${fault.mode} ${command.name} ${command.collection}`);
    return fault;
  }
}

const OP_MSG = 2013;

/** The command name and its string argument (the collection), from an OP_MSG body section. */
function commandOf(message: Buffer): { name: string; collection: string } | null {
  if (message.length < 26 || message.readInt32LE(12) !== OP_MSG) return null;
  let offset = 20; // header (16) + flagBits (4)
  while (offset < message.length - 4) {
    const kind = message[offset]!;
    if (kind === 0) return firstStringField(message, offset + 1);
    if (kind !== 1) return null;
    offset += 1 + message.readInt32LE(offset + 1); // document sequence: skip it
  }
  return null;
}

function firstStringField(
  message: Buffer,
  documentStart: number,
): { name: string; collection: string } | null {
  const type = message[documentStart + 4];
  const nameEnd = message.indexOf(0, documentStart + 5);
  if (type !== 0x02 || nameEnd < 0) return null;
  const name = message.toString('utf8', documentStart + 5, nameEnd);
  const length = message.readInt32LE(nameEnd + 1);
  const collection = message.toString('utf8', nameEnd + 5, nameEnd + 5 + length - 1);
  return { name, collection };
}
