import { defineConfig } from 'vitest/config';

// Several tests spawn pdfsig, openssl and the CLI; give them room on a loaded CI machine.
export default defineConfig({ test: { testTimeout: 30_000, hookTimeout: 30_000 } });
