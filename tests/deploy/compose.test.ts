import fs from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { configKeys, readmeKeys } from '../support/documented-keys.js';

const DEPLOY = new URL('../../deploy/', import.meta.url).pathname;

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  restart?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }> | string[];
  ports?: string[];
  volumes?: string[];
}

const compose = parse(fs.readFileSync(`${DEPLOY}compose.yaml`, 'utf8'), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const services = compose.services;
const caddyfile = fs.readFileSync(`${DEPLOY}Caddyfile`, 'utf8');
const dependencies = (service: Service) => (Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {}));

describe('deploy/compose.yaml (not run here: no image registry)', () => {
  it('runs a three-member replica set of the official mongo image, initiated by a one-shot service', () => {
    const members = ['mongo-1', 'mongo-2', 'mongo-3'];
    for (const name of members) {
      expect(services[name]?.image).toMatch(/^mongo:\d+$/);
      expect(services[name]?.command).toEqual(['mongod', '--replSet', 'rapport', '--bind_ip_all']);
      expect(services[name]?.ports).toBeUndefined();
    }
    const init = services['mongo-init']!;
    expect(init.restart).toBe('no');
    expect(dependencies(init).sort()).toEqual(members);
    const script = init.command!.at(-1)!;
    expect(script).toContain('rs.initiate({ _id: "rapport"');
    for (const name of members) expect(script).toContain(`host: "${name}:27017"`);
  });

  it('runs two Rapport instances from the Containerfile on the set, after its initiation, believing one proxy hop', () => {
    for (const name of ['rapport-1', 'rapport-2']) {
      const rapport = services[name]!;
      expect(rapport.build).toEqual({ context: '..', dockerfile: 'Containerfile' });
      expect(rapport.environment?.MONGODB_URI).toBe('mongodb://mongo-1:27017,mongo-2:27017,mongo-3:27017/rapport?replicaSet=rapport');
      expect(rapport.environment?.TRUST_PROXY).toBe('1');
      expect(rapport.depends_on).toEqual({ 'mongo-init': { condition: 'service_completed_successfully' } });
    }
  });

  it('puts Caddy in front, with automatic HTTPS on PUBLIC_URL, both instances and SSE unbuffered', () => {
    const caddy = services.caddy!;
    expect(caddy.image).toMatch(/^caddy:\d+$/);
    expect(caddy.ports).toEqual(expect.arrayContaining(['80:80', '443:443']));
    expect(caddy.environment?.PUBLIC_URL).toBe(services['rapport-1']!.environment?.PUBLIC_URL);
    expect(caddy.environment?.PUBLIC_URL).toMatch(/^https:\/\//);
    expect(caddy.volumes).toContain('./Caddyfile:/etc/caddy/Caddyfile:ro');
    expect(caddyfile).toMatch(/^\{\$PUBLIC_URL\} \{$/m);
    expect(caddyfile).toMatch(/reverse_proxy rapport-1:8080 rapport-2:8080 \{/);
    expect(caddyfile).toMatch(/^\s+flush_interval -1$/m);
    expect(caddyfile).toMatch(/^\s+health_uri \/readyz$/m);
  });

  it('gives every service only environment keys that Rapport reads and documents', () => {
    const read = configKeys();
    const documented = readmeKeys();
    expect(read.size).toBeGreaterThan(20);
    for (const [name, service] of Object.entries(services)) {
      for (const key of Object.keys(service.environment ?? {})) {
        expect(read.has(key), `${name}: ${key} is not read by api/config/config.ts`).toBe(true);
        expect(documented.has(key), `${name}: ${key} is not in README "Configuration"`).toBe(true);
      }
    }
  });

  it('names only services and volumes it defines', () => {
    for (const service of Object.values(services)) {
      for (const dependency of dependencies(service)) expect(Object.keys(services)).toContain(dependency);
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (!source.startsWith('.')) expect(Object.keys(compose.volumes)).toContain(source);
      }
    }
  });
});
