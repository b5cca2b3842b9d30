import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { AppDatabase } from '~/server/db/schema';
import { writeAudit } from '~/server/services/audit/write-audit';
import { type BackupManifest, fileDigest, isEmptyDir, MANIFEST, pgTool, run } from './tools';

/** Where the data to back up lives. */
export interface BackupSource {
  /** PostgreSQL connection string; when absent, `dataDir` (PGlite) is backed up. */
  databaseUrl?: string | null;
  /** PGlite data folder. The intranet must be stopped: PGlite is a single-process database. */
  dataDir?: string | null;
  blobDir: string;
  /** The seal folder (unit CAs and seals, PKCS#12 behind the PIN); copied when it exists. */
  sealDir?: string | null;
}

/**
 * Backs up the database and the blob folder into a new folder `outDir`:
 *
 * - PGlite: `dumpDataDir('gzip')` of the data folder opened by this process (a consistent copy
 *   of a closed database) → `pglite-data.tar.gz`;
 * - PostgreSQL: `pg_dump --format=custom` (one consistent snapshot, taken while the intranet
 *   keeps running) → `database.pgdump`;
 * - then the blobs (`blobs.tar`, files in progress left out) and the seal folder (`seals.tar`).
 *   Blobs are written before the rows that name them and never changed, so a blob copy made
 *   after the database copy holds every blob the database names.
 *
 * Writes `backup.json` last, with each file's size and SHA-256 and a summary. Returns it.
 */
export async function backup(src: BackupSource, outDir: string): Promise<BackupManifest> {
  const out = resolve(outDir);
  if (!isEmptyDir(out)) throw new Error(`备份目录不为空：${out}`);
  await mkdir(out, { recursive: true });
  const files: string[] = [];
  let summary: BackupManifest['summary'];
  let dialect: BackupManifest['dialect'];

  if (src.databaseUrl) {
    dialect = 'postgres';
    const pg = (await import('pg')).default;
    const kdb = new Kysely<unknown>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: src.databaseUrl, max: 1 }),
      }),
    });
    try {
      await recordBackup(kdb, out);
      summary = await summarise(kdb);
    } finally {
      await kdb.destroy();
    }
    await run(pgTool('pg_dump'), [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--file=${join(out, 'database.pgdump')}`,
      `--dbname=${src.databaseUrl}`,
    ]);
    files.push('database.pgdump');
  } else {
    if (!src.dataDir) throw new Error('未指定数据库：需要 DATABASE_URL 或 PGlite 数据目录');
    dialect = 'pglite';
    const dataDir = resolve(src.dataDir);
    if (!existsSync(dataDir)) throw new Error(`PGlite 数据目录不存在：${dataDir}`);
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGliteDialect } = await import('@gongwen/adapters/pglite');
    const pglite = await PGlite.create(dataDir);
    try {
      const kdb = new Kysely<unknown>({ dialect: new PGliteDialect(pglite) });
      await recordBackup(kdb, out);
      summary = await summarise(kdb);
      const tarball = await pglite.dumpDataDir('gzip');
      await writeFile(join(out, 'pglite-data.tar.gz'), new Uint8Array(await tarball.arrayBuffer()));
      files.push('pglite-data.tar.gz');
    } finally {
      await pglite.close();
    }
  }

  await mkdir(src.blobDir, { recursive: true });
  await run('tar', [
    '--create',
    '--file',
    join(out, 'blobs.tar'),
    '--exclude=.*.tmp',
    '-C',
    resolve(src.blobDir),
    '.',
  ]);
  files.push('blobs.tar');
  if (src.sealDir && existsSync(src.sealDir)) {
    await run('tar', [
      '--create',
      '--file',
      join(out, 'seals.tar'),
      '-C',
      resolve(src.sealDir),
      '.',
    ]);
    files.push('seals.tar');
  }

  const manifest: BackupManifest = {
    format: 'gongwen-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    dialect,
    files: {},
    summary,
  };
  for (const f of files) manifest.files[f] = await fileDigest(join(out, f));
  await writeFile(join(out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The backup is an administrative action: audited in the database it copies, before the copy. */
async function recordBackup(kdb: Kysely<unknown>, out: string): Promise<void> {
  await writeAudit(kdb as Kysely<AppDatabase>, {
    unitId: null,
    at: new Date(),
    actorId: null,
    action: 'system.backup',
    target: out,
    detail: { by: process.env.USER ?? null },
  });
}

async function summarise(kdb: Kysely<unknown>): Promise<BackupManifest['summary']> {
  const one = async (q: ReturnType<typeof sql<{ n: string }>>) =>
    Number((await q.execute(kdb)).rows[0]?.n ?? 0);
  const head = (
    await sql<{
      seq: string;
      hash: string;
    }>`SELECT seq::text AS seq, hash FROM app_audit_head WHERE id = 1`
      .execute(kdb)
      .catch(() => ({ rows: [] as Array<{ seq: string; hash: string }> }))
  ).rows[0];
  return {
    cases: await one(sql<{ n: string }>`SELECT count(*)::text AS n FROM cases`),
    ledgerEntries: await one(sql<{ n: string }>`SELECT count(*)::text AS n FROM ledger`),
    blobs: await one(sql<{ n: string }>`SELECT count(*)::text AS n FROM app_blobs`),
    auditHeadSeq: Number(head?.seq ?? 0),
    auditHeadHash: head?.hash ?? '',
  };
}
