import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { promisify } from 'node:util';

const ROOT = new URL('../..', import.meta.url).pathname;
const SERVER = path.join(ROOT, 'dist/api/main.js');
const CLI = path.join(ROOT, 'dist/api/cli/rapport.js');

function requireBuild(file: string): string {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run "npm run build" (npm test does it first)`);
  return file;
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-proc-'));
}

/** A real server process on its own data directory, listening on a free port. */
export interface ServerProcess {
  process: ChildProcess;
  port: number;
  url: string;
  /** Every line it printed so far (JSON logs and plain text). */
  output: string[];
  exited: Promise<number | null>;
}

export async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [requireBuild(SERVER)], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', PUBLIC_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  for (const stream of [child.stdout!, child.stderr!]) {
    readline.createInterface({ input: stream }).on('line', (line) => output.push(line));
  }
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const listening = output.map(parseJson).find((log) => typeof log?.port === 'number');
      if (listening) {
        clearInterval(timer);
        resolve(listening.port as number);
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output.join('\n')}`));
    });
  });
  return { process: child, port, url: `http://127.0.0.1:${port}`, output, exited };
}

/**
 * Runs the CLI as a user would (through the checkout's `./rapport` when `viaScript`); never
 * throws on a non-zero exit.
 */
export async function runCli(args: string[], env: Record<string, string>, options: { cwd?: string; viaScript?: boolean } = {}) {
  const [command, first] = options.viaScript ? [path.join(ROOT, 'rapport'), []] : [process.execPath, [requireBuild(CLI)]];
  try {
    const { stdout, stderr } = await promisify(execFile)(command, [...first, ...args], {
      env: { ...process.env, PUBLIC_URL: 'https://comments.example.com', ...env },
      cwd: options.cwd,
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The processes whose parent is `pid`. */
export async function childPids(pid: number): Promise<number[]> {
  const { stdout } = await promisify(execFile)('ps', ['-o', 'pid=', '--ppid', String(pid)]).catch(() => ({ stdout: '' }));
  return stdout.split('\n').map((line) => Number(line.trim())).filter((n) => n > 0);
}

function parseJson(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
