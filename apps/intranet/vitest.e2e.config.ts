import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src', import.meta.url));
// The demo organisation and cases (apps/intranet/demo): seeding scripts and tests only.
const demo = fileURLToPath(new URL('./demo', import.meta.url));

/**
 * End-to-end tests: one production build, one `next start` on a fresh demo database, a real
 * Chromium driven by playwright-core. Files run one after another against that server.
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^~\//, replacement: `${src}/` },
      { find: /^~demo\//, replacement: `${demo}/` },
      {
        find: /^server-only$/,
        replacement: fileURLToPath(
          new URL('./src/server/testing/server-only-stub.ts', import.meta.url),
        ),
      },
    ],
  },
  test: {
    include: ['e2e/**/*.test.ts'],
    // GONGWEN_E2E_BASE_URL=http://… runs the tests against an intranet that is already running
    // (seeded with the demo data) instead of building and starting one.
    globalSetup: process.env.GONGWEN_E2E_BASE_URL ? [] : ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    // The global setup may build (minutes) and seed the demo database.
    hookTimeout: 900_000,
    environment: 'node',
  },
});
