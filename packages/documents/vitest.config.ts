import { defineConfig } from 'vitest/config';

// The tests convert real documents with LibreOffice (about 1–3 s each on a loaded machine).
export default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 120_000 } });
