/**
 * `npm run restore -- <backup folder>`: restores a backup made by `npm run backup` into an
 * empty instance — an empty PostgreSQL database (DATABASE_URL) for a PostgreSQL backup, a new
 * PGlite data folder (GONGWEN_DATA_DIR) for a PGlite one — and empty GONGWEN_BLOB_DIR and seal
 * folders. Checks every file's SHA-256 first and never overwrites. See README.md → 备份与恢复.
 */
import { getEnv } from '~/env';
import { restore } from '~/server/services/backup/restore';
import { sealDirFromEnv } from '~/server/services/outgoing/seal/create-sealer';

const from = process.argv[2];
if (!from) {
  console.error('用法：npm run restore -- <备份目录>');
  process.exit(2);
}
const env = getEnv();
try {
  const manifest = await restore(from, {
    databaseUrl: env.DATABASE_URL ?? null,
    dataDir: env.DATABASE_URL ? null : env.GONGWEN_DATA_DIR,
    blobDir: env.GONGWEN_BLOB_DIR,
    sealDir: sealDirFromEnv(),
  });
  console.log(
    `[gongwen] 恢复完成：${manifest.summary.cases} 个办件，${manifest.summary.blobs} 个文件（备份于 ${manifest.createdAt}）。启动系统时会自动执行新的数据库迁移。`,
  );
} catch (e) {
  console.error(`[gongwen] 恢复失败：${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
