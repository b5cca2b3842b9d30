/**
 * `npm run backup [-- <folder>]`: backs up the database and the files of this deployment into a
 * new folder (default ./backups/gongwen-<UTC time>): PostgreSQL (DATABASE_URL) with pg_dump
 * in custom format while the intranet runs, or the PGlite data folder (GONGWEN_DATA_DIR) —
 * stop the intranet first, PGlite is single-process — plus the blobs (GONGWEN_BLOB_DIR) and
 * the seal folder. Prints the manifest (backup.json). See README.md → 备份与恢复.
 */
import { join, resolve } from 'node:path';
import { getEnv } from '~/env';
import { backup } from '~/server/services/backup/backup';
import { sealDirFromEnv } from '~/server/services/outgoing/seal/create-sealer';

const env = getEnv();
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
const out = resolve(process.argv[2] ?? join('backups', `gongwen-${stamp}`));
if (!env.DATABASE_URL && env.GONGWEN_DATA_DIR.startsWith('memory://')) {
  console.error('[gongwen] GONGWEN_DATA_DIR=memory:// 没有可备份的数据');
  process.exit(1);
}
try {
  const manifest = await backup(
    {
      databaseUrl: env.DATABASE_URL ?? null,
      dataDir: env.DATABASE_URL ? null : env.GONGWEN_DATA_DIR,
      blobDir: env.GONGWEN_BLOB_DIR,
      sealDir: sealDirFromEnv(),
    },
    out,
  );
  console.log(`[gongwen] 备份完成：${out}`);
  console.log(JSON.stringify(manifest, null, 2));
} catch (e) {
  console.error(`[gongwen] 备份失败：${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
