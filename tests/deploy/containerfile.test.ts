import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
const containerfile = fs.readFileSync(`${ROOT}Containerfile`, 'utf8');
/** The instructions, with line continuations joined. */
const instructions = containerfile.replace(/\\\n/g, ' ').split('\n').filter((line) => /^[A-Z]+\s/.test(line));
const stages = containerfile.split(/^FROM /m).slice(1);
const runtime = stages.at(-1)!;

describe('Containerfile (npm run test:container builds and runs it)', () => {
  it('has an identical Dockerfile beside it, for docker build', () => {
    expect(fs.readFileSync(`${ROOT}Dockerfile`, 'utf8')).toBe(containerfile);
  });

  it('defaults BASE to an official Node image on Debian 13, whose glibc the embedded engine needs', () => {
    expect(instructions[0]).toBe('ARG BASE=node:22-trixie-slim');
    expect(stages.every((stage) => stage.startsWith('${BASE}'))).toBe(true);
  });

  it('builds with dev dependencies and runs with production ones only', () => {
    expect(stages).toHaveLength(3);
    expect(stages[0]).toMatch(/RUN npm install --no-audit/);
    expect(stages[0]).toMatch(/RUN npm run build/);
    expect(stages[1]).toMatch(/RUN npm install --omit=dev/);
    expect(runtime).toMatch(/COPY --from=dependencies \/app\/node_modules node_modules/);
    expect(runtime).toMatch(/COPY --from=build \/src\/dist dist/);
    expect(runtime).not.toMatch(/npm (install|run)/);
  });

  it('runs node dist/api/main.js as a user of its own on 0.0.0.0, with data in a /data volume and a health check on /readyz', () => {
    expect(instructions).toContain('CMD ["node", "dist/api/main.js"]');
    expect(instructions).toContain('USER rapport');
    expect(instructions).toContain('ENV HOST=0.0.0.0 PORT=8080 DATA_DIR=/data');
    expect(instructions).toContain('VOLUME /data');
    expect(instructions).toContain('STOPSIGNAL SIGTERM');
    expect(instructions.find((line) => line.startsWith('HEALTHCHECK'))).toMatch(/\/readyz/);
    for (const label of ['title', 'description', 'version', 'revision', 'licenses', 'base.name']) {
      expect(runtime).toContain(`org.opencontainers.image.${label}=`);
    }
  });

  it('keeps local builds, data and modules out of the build context', () => {
    const ignored = fs.readFileSync(`${ROOT}.dockerignore`, 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', 'data', '.git']));
  });
});
