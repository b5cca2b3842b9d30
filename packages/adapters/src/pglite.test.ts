import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPgliteStore } from './pglite.ts';

describe('createPgliteStore on disk', () => {
  it('creates a nested data folder and keeps what was written across a reopen', {
    timeout: 60_000,
  }, async () => {
    const root = await mkdtemp(join(tmpdir(), 'gongwen-pglite-'));
    const dataDir = join(root, 'var', 'lib', 'gongwen', 'db');
    try {
      const first = await createPgliteStore({ dataDir });
      await first.directory.putUnit({ id: 'u1', name: '示例县人民政府', issuerCode: '示政发' });
      await first.close();
      const again = await createPgliteStore({ dataDir });
      try {
        expect(await again.directory.getUnit('u1')).toMatchObject({ name: '示例县人民政府' });
      } finally {
        await again.close();
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
