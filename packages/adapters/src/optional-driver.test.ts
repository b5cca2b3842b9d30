import { describe, expect, it } from 'vitest';
import { importDriver } from './optional-driver.ts';

const notFound = (name: string) =>
  Object.assign(new Error(`Cannot find package '${name}' imported from /app/dist/postgres.mjs`), {
    code: 'ERR_MODULE_NOT_FOUND',
  });

describe('importDriver', () => {
  it('returns the loaded driver', async () => {
    await expect(importDriver('pg', '@gongwen/adapters/postgres', async () => 42)).resolves.toBe(
      42,
    );
  });

  it('names the missing driver and the entry point that needs it', async () => {
    const load = () => Promise.reject(notFound('@electric-sql/pglite'));
    await expect(
      importDriver('@electric-sql/pglite', '@gongwen/adapters/pglite', load),
    ).rejects.toThrow(
      '@gongwen/adapters/pglite needs the driver package "@electric-sql/pglite", which is not installed: npm install @electric-sql/pglite',
    );
  });

  it('passes on any other failure, including a missing package the driver itself needs', async () => {
    const load = () => Promise.reject(notFound('pg-pool'));
    await expect(importDriver('pg', '@gongwen/adapters/postgres', load)).rejects.toThrow(
      "Cannot find package 'pg-pool'",
    );
    const broken = () => Promise.reject(new SyntaxError('Unexpected token'));
    await expect(importDriver('pg', '@gongwen/adapters/postgres', broken)).rejects.toThrow(
      SyntaxError,
    );
  });
});
