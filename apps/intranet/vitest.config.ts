import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src', import.meta.url));
// The demo organisation and cases (apps/intranet/demo): seeding scripts and tests only.
const demo = fileURLToPath(new URL('./demo', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^~\//, replacement: `${src}/` },
      { find: /^~demo\//, replacement: `${demo}/` },
      // `server-only` throws outside a React Server Component bundle; tests run server code directly.
      {
        find: /^server-only$/,
        replacement: fileURLToPath(
          new URL('./src/server/testing/server-only-stub.ts', import.meta.url),
        ),
      },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'demo/**/*.test.ts'],
    testTimeout: 60_000,
    // PGlite boots in seconds, but a loaded CI machine can take far longer.
    hookTimeout: 180_000,
    environment: 'node',
    // A real slapd for the LDAP sign-in tests (provides `ldapUrl`).
    globalSetup: ['./test/ldap-server.ts'],
  },
});
