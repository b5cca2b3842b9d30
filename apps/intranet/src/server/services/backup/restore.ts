import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import type { AppDatabase } from '~/server/db/schema';
import { writeAudit } from '~/server/services/audit/write-audit';
import { type BackupManifest, fileDigest, isEmptyDir, MANIFEST, pgTool, run } from './tools';

/** Where to restore: an empty PostgreSQL database or an empty/new PGlite folder, and empty folders for the files. */
export interface RestoreTarget {
  /** An existing, empty PostgreSQL database (restores a PostgreSQL backup). */
  databaseUrl?: string | null;
  /** A new or empty folder (restores a PGlite backup). */
  dataDir?: string | null;
  blobDir: string;
  sealDir?: string | null;
}

/** Reads a backup's manifest and checks every file against its size and SHA-256. */
export async function checkBackup(backupDir: string): Promise<BackupManifest> {
  const dir = resolve(backupDir);
  const manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as BackupManifest;
  if (manifest.format !== 'gongwen-backup' || manifest.version !== 1)
    throw new Error(`不是公文系统的备份：${dir}`);
  for (const [name, want] of Object.entries(manifest.files)) {
    const got = await fileDigest(join(dir, name));
    if (got.sha256 !== want.sha256 || got.bytes !== want.bytes)
      throw new Error(`备份文件已损坏或被改动：${name}`);
  }
  return manifest;
}

/**
 * Restores a backup made by `backup` into an empty instance: refuses a non-empty database or
 * folder (a restore never overwrites), checks every file's SHA-256 first, then loads the
 * database (PGlite: `loadDataDir`; PostgreSQL: `pg_restore --single-transaction`) and unpacks
 * the blobs and seals. The intranet's next start runs any newer migrations.
 */
export async function restore(backupDir: string, target: RestoreTarget): Promise<BackupManifest> {
  const dir = resolve(backupDir);
  const manifest = await checkBackup(dir);
  if (!isEmptyDir(target.blobDir)) throw new Error(`文件存储目录不为空：${target.blobDir}`);
  if (target.sealDir && manifest.files['seals.tar'] && !isEmptyDir(target.sealDir))
    throw new Error(`印章目录不为空：${target.sealDir}`);

  if (manifest.dialect === 'postgres') {
    if (!target.databaseUrl)
      throw new Error('这是 PostgreSQL 备份：请用 DATABASE_URL 指定一个空数据库');
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
         WHERE s.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'S')`,
      );
      if (Number(rows[0]?.n) > 0) throw new Error('目标数据库不为空：只能恢复到空数据库');
    } finally {
      await client.end();
    }
    await run(pgTool('pg_restore'), [
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${target.databaseUrl}`,
      join(dir, 'database.pgdump'),
    ]);
    const kdb = new Kysely<AppDatabase>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: target.databaseUrl, max: 1 }),
      }),
    });
    try {
      await recordRestore(kdb, dir, manifest);
    } finally {
      await kdb.destroy();
    }
  } else {
    if (!target.dataDir)
      throw new Error('这是 PGlite 备份：请用 GONGWEN_DATA_DIR 指定一个新的数据目录');
    const dataDir = resolve(target.dataDir);
    if (!isEmptyDir(dataDir)) throw new Error(`PGlite 数据目录不为空：${dataDir}`);
    await mkdir(dataDir, { recursive: true });
    const { PGlite } = await import('@electric-sql/pglite');
    const tarball = new Blob([new Uint8Array(await readFile(join(dir, 'pglite-data.tar.gz')))]);
    const pglite = await PGlite.create({ dataDir, loadDataDir: tarball });
    try {
      const { PGliteDialect } = await import('@gongwen/adapters/pglite');
      await recordRestore(
        new Kysely<AppDatabase>({ dialect: new PGliteDialect(pglite) }),
        dir,
        manifest,
      );
    } finally {
      await pglite.close();
    }
  }

  await mkdir(target.blobDir, { recursive: true });
  await run('tar', ['--extract', '--file', join(dir, 'blobs.tar'), '-C', resolve(target.blobDir)]);
  if (target.sealDir && manifest.files['seals.tar']) {
    await mkdir(target.sealDir, { recursive: true });
    await run('tar', [
      '--extract',
      '--file',
      join(dir, 'seals.tar'),
      '-C',
      resolve(target.sealDir),
    ]);
  } else if (manifest.files['seals.tar'] && !existsSync(join(dir, 'seals.tar'))) {
    throw new Error('备份缺少 seals.tar');
  }
  return manifest;
}

/** The restore is written into the restored audit log (a backup made before the chain existed has no head: skipped). */
async function recordRestore(
  kdb: Kysely<AppDatabase>,
  dir: string,
  manifest: BackupManifest,
): Promise<void> {
  const hasChain = await kdb
    .selectFrom('app_audit_head')
    .select('id')
    .executeTakeFirst()
    .catch(() => undefined);
  if (!hasChain) return;
  await writeAudit(kdb, {
    unitId: null,
    at: new Date(),
    actorId: null,
    action: 'system.restore',
    target: dir,
    detail: {
      backupCreatedAt: manifest.createdAt,
      dialect: manifest.dialect,
      summary: manifest.summary,
    },
  });
}
