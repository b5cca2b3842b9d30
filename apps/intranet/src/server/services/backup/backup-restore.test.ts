import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createPgliteStore } from '@gongwen/adapters/pglite';
import { createPostgresStore } from '@gongwen/adapters/postgres';
import { describe, expect, it } from 'vitest';
import { toSessionUser } from '~/server/api/context';
import { createAppServices } from '~/server/app';
import { db } from '~/server/app-types';
import { verifyAuditChain } from '~/server/services/audit/verify-audit';
import { uploadAttachment } from '~/server/services/incoming/attachments';
import { callerFor } from '~/server/testing/test-app';
import { createTestDatabase, DIALECTS, openDialectApp } from '~/server/testing/test-dialects';
import { backup } from './backup';
import { checkBackup, restore } from './restore';

function registration(title: string, attachments: Array<{ blobId: string; name: string }>) {
  return {
    title,
    senderUnit: '市财政局',
    senderDocNumber: `市财预〔2026〕${Math.floor(Math.random() * 900) + 100}号`,
    receivedDate: '2026-11-25',
    docType: '通知',
    keywords: ['预算'],
    secrecy: '非密' as const,
    urgency: '加急' as const,
    headType: '红头' as const,
    direction: '上级来文' as const,
    copies: 1,
    pages: 2,
    attachments,
  };
}

describe.each(DIALECTS)('backup and restore on %s', (dialect) => {
  it('restores every case with a valid ledger and every blob byte for byte, into an empty instance', {
    timeout: 600_000,
  }, async () => {
    const src = await openDialectApp(dialect);
    const target = await openDialectApp('pglite', { org: false }); // only for its temp folder
    await target.close();
    const blobs = new Map<string, Uint8Array>();
    const caseIds: string[] = [];
    try {
      const zhouUser = await src.app.directory.getUser('zhou');
      const zhou = toSessionUser(zhouUser!);
      for (let i = 0; i < 3; i++) {
        const bytes = new TextEncoder().encode(`%PDF-1.4\n% 附件 ${i} ${randomUUID()}\n%%EOF\n`);
        const up = await uploadAttachment(src.app, zhou, { name: `附件${i}.pdf`, bytes });
        blobs.set(up.blobId, bytes);
        const res = await callerFor(src.app, 'zhou').incoming.register({
          commandId: randomUUID(),
          registration: registration(`关于备份测试的通知（${i}）`, [
            { blobId: up.blobId, name: `附件${i}.pdf` },
          ]),
        });
        caseIds.push(res.caseId);
        src.app.clock.advance(60_000);
      }
      // a blob no case uses yet is kept too
      const loose = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 1, 2, 3, 0, 255]);
      const up = await uploadAttachment(src.app, zhou, { name: '草稿.pdf', bytes: loose });
      blobs.set(up.blobId, loose);
      // the seal folder (unit CAs and seals) goes along when it exists
      const sealDir = join(src.root, 'seals');
      await mkdir(join(sealDir, 'demo'), { recursive: true });
      await writeFile(join(sealDir, 'demo', 'ca.pem'), 'CA');
      // PGlite is backed up with the intranet stopped; PostgreSQL while it runs.
      if (dialect === 'pglite') await src.app.close();

      const out = join(src.root, 'backup');
      const manifest = await backup(
        { databaseUrl: src.databaseUrl, dataDir: src.dataDir, blobDir: src.blobDir, sealDir },
        out,
      );
      expect(manifest.dialect).toBe(dialect);
      expect(manifest.summary).toMatchObject({ cases: 3, blobs: 4 });
      expect(Object.keys(manifest.files).sort()).toEqual(
        dialect === 'pglite'
          ? ['blobs.tar', 'pglite-data.tar.gz', 'seals.tar']
          : ['blobs.tar', 'database.pgdump', 'seals.tar'],
      );
      await checkBackup(out);

      // restore into an empty instance
      const restoredUrl = dialect === 'postgres' ? await createTestDatabase('gw_restore') : null;
      const restoredData = join(target.root, 'pglite');
      const restoredBlobs = join(target.root, 'blobs');
      const restoredSeals = join(target.root, 'seals');
      await restore(out, {
        databaseUrl: restoredUrl,
        dataDir: restoredData,
        blobDir: restoredBlobs,
        sealDir: restoredSeals,
      });
      expect(await readFile(join(restoredSeals, 'demo', 'ca.pem'), 'utf8')).toBe('CA');
      // a second restore into the now non-empty instance is refused
      await expect(
        restore(out, { databaseUrl: restoredUrl, dataDir: restoredData, blobDir: restoredBlobs }),
      ).rejects.toThrow(/不为空/);

      const store =
        dialect === 'postgres'
          ? await createPostgresStore({ connectionString: restoredUrl!, max: 4 })
          : await createPgliteStore({ dataDir: restoredData });
      const restored = await createAppServices({ store, blobDir: restoredBlobs });
      try {
        const cases = await db(restored).selectFrom('cases').select('id').execute();
        expect(cases.map((c) => c.id).sort()).toEqual([...caseIds].sort());
        for (const id of caseIds) {
          const v = await restored.engine.verifyLedger(id);
          expect(v, id).toMatchObject({ ok: true });
          expect(v.entries).toBeGreaterThan(0);
        }
        for (const [key, bytes] of blobs) {
          const got = await restored.blobs.get(key);
          expect(Buffer.from(got).equals(Buffer.from(bytes)), key).toBe(true);
        }
        const audit = await verifyAuditChain(db(restored));
        expect(audit.ok).toBe(true);
        // the backup and the restore are in the log: the backup row inside the copy, the
        // restore row appended to it
        expect(audit.head.seq).toBe(manifest.summary.auditHeadSeq + 1);
        const actions = await db(restored)
          .selectFrom('app_audit_log')
          .select('action')
          .orderBy('seq', 'desc')
          .limit(2)
          .execute();
        expect(actions.map((a) => a.action)).toEqual(['system.restore', 'system.backup']);
      } finally {
        await restored.close();
      }
    } finally {
      await src.close();
      const { rm } = await import('node:fs/promises');
      await rm(target.root, { recursive: true, force: true });
    }
  });

  it('refuses a backup whose files were changed', { timeout: 300_000 }, async () => {
    const src = await openDialectApp(dialect, { org: false });
    try {
      if (dialect === 'pglite') await src.app.close();
      const out = join(src.root, 'backup');
      await backup(
        { databaseUrl: src.databaseUrl, dataDir: src.dataDir, blobDir: src.blobDir },
        out,
      );
      await writeFile(join(out, 'blobs.tar'), 'not a tar');
      await expect(checkBackup(out)).rejects.toThrow('备份文件已损坏或被改动：blobs.tar');
    } finally {
      await src.close();
    }
  });
});
