import { defineConfig } from 'vitest/config';

// Building four packages, packing them and installing the tarballs into a fresh project takes
// minutes on a loaded 2-core machine.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 900_000, hookTimeout: 1_200_000 },
});
