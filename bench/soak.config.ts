import { defineConfig } from 'vitest/config';

// npm run soak: the memory soak, apart from `npm test` (it runs for minutes and measures).
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['bench/soak.test.ts'],
    testTimeout: 30 * 60_000,
  },
});
