import fs from 'node:fs';
import net from 'node:net';

/** A Unix-socket relay to the test engine that a test can cut and restore, to lose the database for real. */
export class SocketProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();

  constructor(
    private readonly target: string,
    readonly path: string,
  ) {}

  get uri(): string {
    return `mongodb://${encodeURIComponent(this.path)}/?directConnection=true`;
  }

  async start(): Promise<void> {
    fs.rmSync(this.path, { force: true });
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(this.path, resolve));
  }

  /** Refuses new connections and drops the open ones, as a crashed or unplugged server would. */
  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

/** The Unix socket path inside a `mongodb://` URI on a socket. */
export function socketPathOf(uri: string): string {
  return decodeURIComponent(/^mongodb:\/\/([^/]+)\//.exec(uri)![1]!);
}
