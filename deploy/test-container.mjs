// npm run test:container — builds the image from the working tree and runs it as a self-hoster
// would: a volume for /data, a published port, HOST=0.0.0.0 from the image. Waits for /readyz,
// creates a site with the CLI inside the container, posts a comment, stops and starts the container and
// reads the comment again, checks the health check, the user and that no glibc was fetched, then
// sends SIGTERM and checks the exit code and how long it took. Prints the image size and times.
// Everything listens on 127.0.0.1 only; the container, its volume and the test image are removed.
//
// BASE: the base image (default: localhost/rapport-base when it exists — see
// deploy/make-local-base.sh — else the Containerfile's own default, the official Node image).
// Uses podman (with runc when installed), else docker.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import net from 'node:net';
import { promisify } from 'node:util';

const ROOT = new URL('..', import.meta.url).pathname;
const IMAGE = 'localhost/rapport:test';
const NAME = `rapport-test-${crypto.randomBytes(3).toString('hex')}`;
const VOLUME = `${NAME}-data`;
const BLOG = 'https://blog.example.com';
const READY_DEADLINE_MS = 120_000;
const run = promisify(execFile);

const engine = await pickEngine();
const report = (what, value) => console.log(`  ${what}: ${value}`);

/** podman where installed (the runc runtime where present, as on Debian without crun), else docker. */
async function pickEngine() {
  if (await found('podman')) return { command: 'podman', flags: (await found('runc')) ? ['--runtime', 'runc'] : [], podman: true };
  if (await found('docker')) return { command: 'docker', flags: [], podman: false };
  throw new Error('neither podman nor docker is installed');
}

async function found(command) {
  return run('sh', ['-c', `command -v ${command}`]).then(() => true, () => false);
}

/** Runs the container engine; answers its standard output, trimmed. */
async function cli(...args) {
  const { stdout } = await run(engine.command, [...engine.flags, ...args], { cwd: ROOT, maxBuffer: 64 << 20 });
  return stdout.trim();
}

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls /readyz until it answers 200; answers how long that took. */
async function waitReady(url, since) {
  for (;;) {
    const ok = await fetch(`${url}/readyz`).then((res) => res.ok, () => false);
    if (ok) return Date.now() - since;
    if (Date.now() - since > READY_DEADLINE_MS) throw new Error(`not ready after ${READY_DEADLINE_MS / 1000} s:\n${await cli('logs', NAME).catch(() => '')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function baseImage() {
  if (process.env.BASE) return process.env.BASE;
  const local = await cli('image', 'exists', 'localhost/rapport-base').then(() => true, () => false);
  return local && engine.podman ? 'localhost/rapport-base' : undefined;
}

async function build() {
  const base = await baseImage();
  const revision = await run('git', ['rev-parse', 'HEAD'], { cwd: ROOT }).then((r) => r.stdout.trim(), () => 'unknown');
  const args = ['build', '-t', IMAGE, '--build-arg', `REVISION=${revision}`];
  // podman writes OCI images by default, which have no HEALTHCHECK; the Docker format keeps it.
  if (engine.podman) args.push('--format', 'docker');
  if (base) args.push('--build-arg', `BASE=${base}`);
  console.log(`Building ${IMAGE} from ${ROOT} on ${base ?? 'the Containerfile’s default base'} with ${engine.command} …`);
  const startedAt = Date.now();
  await cli(...args, '.');
  report('build', `${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  const bytes = Number(await cli('image', 'inspect', '--format', '{{.Size}}', IMAGE));
  report('image size', `${(bytes / 1e6).toFixed(0)} MB (${bytes} bytes)`);
}

async function post(url, body) {
  const res = await fetch(`${url}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BLOG },
    body: JSON.stringify({ site: 'blog', page: '/hello/', name: 'Ann', body }),
  });
  if (res.status !== 201) throw new Error(`posting answered ${res.status}: ${await res.text()}`);
  return (await res.json()).comment.id;
}

async function thread(url) {
  const res = await fetch(`${url}/api/comments?site=blog&page=/hello/`);
  return (await res.json()).comments.map((comment) => comment.id);
}

async function exercise() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  await cli('volume', 'create', VOLUME);
  const startedAt = Date.now();
  await cli('run', '-d', '--name', NAME, '-p', `127.0.0.1:${port}:8080`, '-v', `${VOLUME}:/data`, '-e', `PUBLIC_URL=${url}`, IMAGE);
  report('first start to /readyz', `${((await waitReady(url, startedAt)) / 1000).toFixed(1)} s`);

  const logs = await cli('logs', NAME);
  check(/"msg":"database: embedded MongoDB on \/data"/.test(logs), `no plain embedded database log line:\n${logs}`);
  check(!/through the glibc in|apt-get|glibc-trixie/.test(logs), `a newer glibc was fetched or used:\n${logs}`);
  report('glibc', `the image's own (${await cli('exec', NAME, 'node', '-p', 'process.report.getReport().header.glibcVersionRuntime')}); nothing fetched`);
  const uid = await cli('exec', NAME, 'id', '-u');
  check(uid !== '0', 'the server runs as root');
  report('user', `${await cli('exec', NAME, 'id', '-un')} (uid ${uid})`);

  const added = await cli('exec', NAME, 'rapport', 'site', 'add', '--id', 'blog', '--name', 'Blog', '--origin', BLOG, '--author-name', 'Sonia', '--author-email', 'sonia@blog.example.com');
  check(added.includes('Created site blog.'), `site add said: ${added}`);
  await cli('exec', NAME, 'rapport', 'site', 'set', 'blog', '--min-form-seconds', '0');
  const id = await post(url, 'Written before the restart');
  report('comment posted', `201, id ${id}, site created with the CLI inside the container`);
  if (engine.podman) {
    await cli('healthcheck', 'run', NAME);
    report('HEALTHCHECK', 'healthy');
  }

  const stopAt = Date.now();
  await cli('stop', NAME);
  const stopMs = Date.now() - stopAt;
  const startAgainAt = Date.now();
  await cli('start', NAME);
  const ready = await waitReady(url, startAgainAt);
  check((await thread(url)).includes(id), 'the comment is gone after the restart');
  report('restart', `stopped in ${(stopMs / 1000).toFixed(1)} s, started again to /readyz in ${(ready / 1000).toFixed(1)} s; the comment is still there`);

  const signalAt = Date.now();
  await cli('kill', '--signal', 'TERM', NAME);
  const code = Number(await cli('wait', NAME));
  const exitMs = Date.now() - signalAt;
  check(code === 0, `exit code ${code} after SIGTERM:\n${await cli('logs', NAME)}`);
  check(/"msg":"stopped"/.test(await cli('logs', NAME)), 'no "stopped" log line after SIGTERM');
  report('SIGTERM', `exit code ${code} after ${(exitMs / 1000).toFixed(1)} s`);
}

async function cleanUp() {
  await cli('rm', '-f', NAME).catch(() => {});
  await cli('volume', 'rm', '-f', VOLUME).catch(() => {});
  await cli('rmi', IMAGE).catch(() => {});
}

try {
  await build();
  await exercise();
  console.log('\ntest:container passed');
} catch (error) {
  console.error(`\ntest:container FAILED: ${error.message}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
