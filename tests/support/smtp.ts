import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** What the test SMTP server answers to a message: accept it, or refuse with an SMTP code. */
export type SmtpAnswer = 250 | 451 | 550;

export interface ReceivedMail {
  raw: string;
  parsed: ParsedMail;
  /** The envelope's recipients (RCPT TO), which Bcc tricks would add to. */
  recipients: string[];
}

/**
 * A real SMTP server in the test process (the `smtp-server` package), keeping what it accepts
 * parsed by `mailparser`. `answer` decides what the next messages get.
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  answer: SmtpAnswer = 250;
  private server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (this.answer !== 250) {
          const refusal = Object.assign(new Error(this.answer === 451 ? 'Try again later' : 'Mailbox unavailable'), { responseCode: this.answer });
          return callback(refusal);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (parsed) => {
            this.received.push({ raw, parsed, recipients: session.envelope.rcptTo.map((r) => r.address) });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  private port = 0;

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Mail sent to an address, in arrival order. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.recipients.includes(address));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A server that accepts connections and never says a word: SMTP's worst case. */
export async function startSilentServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
