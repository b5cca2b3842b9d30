import type { NextConfig } from 'next';

const config: NextConfig = {
  // The workspace packages export their TypeScript sources.
  transpilePackages: ['@gongwen/core', '@gongwen/adapters', '@gongwen/seal', '@gongwen/documents'],
  // Native or WebAssembly modules loaded by Node at run time, never bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', '@node-rs/argon2', 'ldapts'],
  // The build type-checks the app itself; tests and scripts are checked by `npm run typecheck`.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  // The e2e harness builds into its own folder, so it never collides with a developer's build.
  distDir: process.env.GONGWEN_NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() (HTTP 403 with app/forbidden.tsx), used for pages a user may not open.
  experimental: { authInterrupts: true },
  // The security headers (CSP with a per-request nonce, no framing, nosniff …) are set by
  // src/proxy.ts (see src/server/auth/security-headers.ts): the nonce needs a proxy.
};

export default config;
