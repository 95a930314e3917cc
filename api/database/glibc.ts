import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The embedded engine's native library is linked against this glibc or newer. */
const REQUIRED_GLIBC = [2, 38] as const;
/** Debian 13 ships glibc 2.41, new enough and reachable through the same mirror as Debian 12. */
const DONOR_SUITE = 'trixie';
const DONOR_PACKAGES = ['libc6', 'libstdc++6', 'libgcc-s1'];
const ARCHES: Record<string, { triplet: string; loader: string }> = {
  x64: { triplet: 'x86_64-linux-gnu', loader: 'ld-linux-x86-64.so.2' },
  arm64: { triplet: 'aarch64-linux-gnu', loader: 'ld-linux-aarch64.so.1' },
};

/** A newer glibc to start a process with: its dynamic loader and the folder of its libraries. */
export interface GlibcRuntime {
  loader: string;
  libraryPath: string;
}

/** The running glibc's version, or undefined on a system without glibc (macOS, musl). */
export function systemGlibcVersion(): string | undefined {
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  return report?.header?.glibcVersionRuntime;
}

/** True when this system's glibc is too old for the embedded engine. */
export function needsNewerGlibc(version = systemGlibcVersion()): boolean {
  if (!version) return false;
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major < REQUIRED_GLIBC[0] || (major === REQUIRED_GLIBC[0] && minor < REQUIRED_GLIBC[1]);
}

/**
 * Finds a usable newer glibc: the folder named by GLIBC_DIR, else the download cache, else
 * downloads Debian 13's packages into the cache with a private apt configuration (the system's
 * apt sources and state are never touched).
 */
export async function ensureNewerGlibc(options: { glibcDir?: string; cacheDir: string }): Promise<GlibcRuntime> {
  const arch = ARCHES[process.arch];
  if (!arch) throw new Error(`no newer glibc can be provided for ${process.arch}; set MONGODB_URI`);
  if (options.glibcDir) {
    const found = findRuntime(options.glibcDir, arch);
    if (!found) throw new Error(`GLIBC_DIR=${options.glibcDir} holds no ${arch.loader}`);
    return found;
  }
  const cached = path.join(options.cacheDir, `glibc-${DONOR_SUITE}`);
  const existing = findRuntime(cached, arch);
  if (existing) return existing;
  await downloadGlibc(cached);
  const fetched = findRuntime(cached, arch);
  if (!fetched) throw new Error(`downloaded ${DONOR_SUITE} glibc but found no ${arch.loader} in ${cached}`);
  return fetched;
}

/** Accepts either an unpacked package root or the library folder itself. */
function findRuntime(dir: string, arch: { triplet: string; loader: string }): GlibcRuntime | undefined {
  for (const libraryPath of [path.join(dir, 'usr', 'lib', arch.triplet), path.join(dir, 'lib', arch.triplet), dir]) {
    const loader = path.join(libraryPath, arch.loader);
    if (fs.existsSync(loader) && fs.existsSync(path.join(libraryPath, 'libstdc++.so.6'))) {
      return { loader, libraryPath: path.resolve(libraryPath) };
    }
  }
  return undefined;
}

/** Downloads into a staging folder and renames it into place, so a half-done fetch is never used. */
async function downloadGlibc(target: string): Promise<void> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staging = fs.mkdtempSync(`${target}.partial-`);
  try {
    const aptDir = path.join(staging, 'apt');
    const unpacked = path.join(staging, 'root');
    for (const dir of ['lists/partial', 'cache/archives/partial', 'debs']) {
      fs.mkdirSync(path.join(aptDir, dir), { recursive: true });
    }
    fs.mkdirSync(unpacked);
    const sourcesFile = path.join(aptDir, 'sources.list');
    fs.writeFileSync(sourcesFile, `deb ${debianMirror()} ${DONOR_SUITE} main\n`);
    const aptOptions = [
      `Dir::Etc::SourceList=${sourcesFile}`,
      'Dir::Etc::SourceParts=/dev/null',
      `Dir::State::Lists=${path.join(aptDir, 'lists')}`,
      `Dir::Cache=${path.join(aptDir, 'cache')}`,
      // apt drops to the _apt user for downloads, which cannot write to a private folder.
      'APT::Sandbox::User=root',
    ].flatMap((option) => ['-o', option]);
    const debs = path.join(aptDir, 'debs');
    await run('apt-get', [...aptOptions, '-q', 'update'], { timeout: 180_000 });
    await run('apt-get', [...aptOptions, '-q', 'download', ...DONOR_PACKAGES], { cwd: debs, timeout: 180_000 });
    for (const deb of fs.readdirSync(debs).filter((name) => name.endsWith('.deb'))) {
      await run('dpkg-deb', ['-x', path.join(debs, deb), unpacked]);
    }
    try {
      fs.renameSync(unpacked, target);
    } catch (error) {
      // Another process finished the same download first; its copy is as good as ours.
      if (!fs.existsSync(target)) throw error;
    }
  } catch (error) {
    throw new Error(
      `the embedded database needs glibc ${REQUIRED_GLIBC.join('.')}+ and fetching Debian ${DONOR_SUITE}'s failed ` +
        `(${(error as Error).message.split('\n')[0]}). Set GLIBC_DIR to an unpacked newer glibc, or MONGODB_URI to a MongoDB server.`,
    );
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The Debian mirror this machine already uses, so the fetch goes where the network allows. */
function debianMirror(): string {
  const fallback = 'http://deb.debian.org/debian';
  const candidates = ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list'];
  for (const file of candidates) {
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    const match = /^URIs:\s*(\S+\/debian)\/?\s*$/m.exec(text) ?? /^deb\s+(?:\[[^\]]*\]\s+)?(\S+\/debian)\/?\s/m.exec(text);
    if (match?.[1]) return match[1];
  }
  return fallback;
}
