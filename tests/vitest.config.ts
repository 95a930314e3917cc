import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // expect.poll waits on a condition; its default second is too short for a busy 2-core
    // machine (a sign-in under load took longer in CI). A condition that holds returns at once.
    expect: { poll: { timeout: 20_000 } },
    // Process tests start servers and engines of their own; two cores cannot run many at once.
    maxWorkers: 2,
  },
});
