import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import readline from 'node:readline';
import { ensureNewerGlibc, needsNewerGlibc } from './glibc.js';

const CHILD_SCRIPT = fileURLToPath(new URL('./engine-child.mjs', import.meta.url));
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;
const LOCK_WAIT_MS = 10_000;

/** A running embedded engine in its child process. */
export interface EmbeddedEngine {
  /** A `mongodb://` URI on the engine's private Unix socket. */
  uri: string;
  /** How the engine was started, for the one log line about the database. */
  description: string;
  /** Called once if the engine process ends without `stop()` having been asked. */
  onUnexpectedExit(listener: (reason: string) => void): void;
  /** Closes the engine cleanly (its data flushed) and waits for the process to end. */
  stop(): Promise<void>;
}

export interface EmbeddedEngineOptions {
  dataDir: string;
  glibcDir?: string;
  glibcCacheDir: string;
}

/**
 * Starts MongoDB's embedded engine on `dataDir` in a child process, through a newer glibc's
 * loader when this system's is too old, and resolves once it accepts connections.
 */
export async function startEmbeddedEngine(options: EmbeddedEngineOptions): Promise<EmbeddedEngine> {
  const { command, args, via } = await engineCommand(options);
  const { child, uri } = await spawnWhenDirectoryFree(command, [...args, CHILD_SCRIPT, options.dataDir]);
  let stopping = false;
  let exitListener: ((reason: string) => void) | undefined;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code, signal) => {
    if (!stopping) exitListener?.(`embedded MongoDB process ended (${signal ?? `exit code ${code}`})`);
  });
  return {
    uri,
    description: `embedded MongoDB on ${options.dataDir}${via}`,
    onUnexpectedExit(listener) {
      exitListener = listener;
    },
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Starts the engine process, retrying for a while when the directory is still locked: a
 * supervisor restarting a killed server is faster than the old engine's clean shutdown.
 */
async function spawnWhenDirectoryFree(command: string, args: string[]): Promise<{ child: ChildProcess; uri: string }> {
  const giveUpAt = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      return { child, uri: await readAnnouncedUri(child) };
    } catch (error) {
      if (!/DBPathInUse/.test((error as Error).message) || Date.now() > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function engineCommand(options: EmbeddedEngineOptions): Promise<{ command: string; args: string[]; via: string }> {
  if (!needsNewerGlibc()) return { command: process.execPath, args: [], via: '' };
  const glibc = await ensureNewerGlibc({ glibcDir: options.glibcDir, cacheDir: options.glibcCacheDir });
  return {
    command: glibc.loader,
    args: ['--library-path', glibc.libraryPath, process.execPath],
    via: ` (through the glibc in ${glibc.libraryPath})`,
  };
}

/** The child prints one JSON line when ready or failed; anything else within the timeout is a failure. */
function readAnnouncedUri(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    const onExit = (code: number | null) => fail(`the embedded MongoDB engine exited during start (code ${code})`);
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${reason}. Set MONGODB_URI to use a MongoDB server instead.`));
    };
    const timer = setTimeout(() => fail('the embedded MongoDB engine did not start within 60 s'), START_TIMEOUT_MS);
    child.once('error', (error) => fail(`the embedded MongoDB engine could not be started: ${error.message}`));
    child.once('exit', onExit);
    lines.once('line', (line) => {
      let message: { uri?: string; error?: string };
      try {
        message = JSON.parse(line) as typeof message;
      } catch {
        message = { error: line };
      }
      if (!message.uri) return fail(`the embedded MongoDB engine failed: ${message.error ?? 'no address given'}`);
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve(message.uri);
    });
  });
}
