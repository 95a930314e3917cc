import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { configKeys, readmeKeys } from '../support/documented-keys.js';

const DEPLOY = new URL('../../deploy/', import.meta.url).pathname;
const unit = fs.readFileSync(`${DEPLOY}rapport.service`, 'utf8');
const run = promisify(execFile);
const verifier = ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'].find((file) => fs.existsSync(file));

/** Every `Key=value` of a section, in order (repeated keys kept). */
function section(name: string): [string, string][] {
  const body = unit.split(/^\[/m).find((part) => part.startsWith(`${name}]`)) ?? '';
  return [...body.matchAll(/^([A-Za-z]+)=(.*)$/gm)].map((match) => [match[1]!, match[2]!]);
}
const service = new Map(section('Service'));

describe('deploy/rapport.service', () => {
  it('restarts the server when it fails (it exits 1 when its engine dies) and reads its settings from an EnvironmentFile', () => {
    expect(service.get('Restart')).toBe('on-failure');
    expect(service.get('EnvironmentFile')).toBe('/etc/rapport/rapport.env');
    expect(service.get('ExecStart')).toBe('/usr/bin/node /opt/rapport/dist/api/main.js');
    // SIGTERM to the server only: it stops its engine itself, and exits 0.
    expect(service.get('KillMode')).toBe('mixed');
  });

  it('runs as a dedicated user with its data in the StateDirectory, hardened', () => {
    expect(service.get('User')).toBe('rapport');
    expect(service.get('StateDirectory')).toBe('rapport');
    expect(service.get('Environment')).toContain('DATA_DIR=/var/lib/rapport');
    expect(service.get('NoNewPrivileges')).toBe('yes');
    expect(service.get('ProtectSystem')).toBe('strict');
    expect(service.get('ReadWritePaths')?.split(' ')).toEqual(['/var/lib/rapport', '/var/cache/rapport']);
    expect(service.get('CapabilityBoundingSet')).toBe('');
  });

  it('sets only variables Rapport reads and documents, in the unit and in the example EnvironmentFile', () => {
    const example = fs.readFileSync(`${DEPLOY}rapport.env`, 'utf8');
    const keys = [
      ...service.get('Environment')!.split(' ').map((pair) => pair.split('=')[0]!),
      ...[...example.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]!),
    ];
    expect(keys).toContain('PUBLIC_URL');
    const read = configKeys();
    const documented = readmeKeys();
    for (const key of keys) {
      expect(read.has(key), `${key} is not read by api/config/config.ts`).toBe(true);
      expect(documented.has(key), `${key} is not in README "Configuration"`).toBe(true);
    }
  });

  it.skipIf(!verifier)(`passes systemd-analyze verify${verifier ? '' : ' (skipped: systemd-analyze is not installed here)'}`, async () => {
    // The same unit, with node where this machine has it (verify checks that ExecStart exists).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-unit-'));
    const file = path.join(dir, 'rapport.service');
    fs.writeFileSync(file, unit.replace('/usr/bin/node', process.execPath));
    const result = await run(verifier!, ['verify', file]).then(
      ({ stderr }) => ({ code: 0, stderr }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(result.stderr.split('\n').filter((line) => line.includes('rapport.service'))).toEqual([]);
    expect(result.code).toBe(0);
  });
});
