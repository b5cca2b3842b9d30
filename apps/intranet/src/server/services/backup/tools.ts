import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// No `server-only`: scripts/backup.ts and scripts/restore.ts import these modules.

/** What `backup` writes beside the data: the manifest's shape (backup.json). */
export interface BackupManifest {
  format: 'gongwen-backup';
  version: 1;
  createdAt: string;
  dialect: 'pglite' | 'postgres';
  /** Files of the backup folder with their size and SHA-256, checked before a restore. */
  files: Record<string, { bytes: number; sha256: string }>;
  /** What the database held, for a glance (and a check after restoring). */
  summary: {
    cases: number;
    ledgerEntries: number;
    blobs: number;
    auditHeadSeq: number;
    auditHeadHash: string;
  };
}

/** The manifest's file name inside a backup folder. */
export const MANIFEST = 'backup.json';

/** SHA-256 (hex) and size of a file, streamed. */
export function fileDigest(path: string): Promise<{ bytes: number; sha256: string }> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let bytes = 0;
    createReadStream(path)
      .on('data', (chunk: string | Buffer) => {
        const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        bytes += b.length;
        hash.update(b);
      })
      .on('error', reject)
      .on('end', () => resolve({ bytes, sha256: hash.digest('hex') }));
  });
}

/** Runs a program, resolving with stdout; rejects with its stderr. */
export function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      { env: env ?? process.env, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`${cmd} ${args[0] ?? ''} failed: ${stderr || err.message}`));
        else resolve(stdout);
      },
    );
  });
}

/**
 * A PostgreSQL client program (`pg_dump`, `pg_restore`): from `PG_BIN` when set, else the
 * newest /usr/lib/postgresql/<version>/bin that has it (Debian), else the PATH. It must be at
 * least the server's major version.
 */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  if (process.env.PG_BIN) return join(process.env.PG_BIN, name);
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const p = join(root, v, 'bin', name);
      if (existsSync(p)) return p;
    }
  }
  return name;
}

/** True when `dir` does not exist or holds nothing. */
export function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}
