import { sql } from 'kysely';
import type { z } from 'zod';
import type { ZAuditFilter } from '~/lib/schemas/admin';
import { type AppServices, db } from '~/server/app-types';
import type { AppDb } from '~/server/db/schema';
import { writeAudit } from '~/server/services/audit/write-audit';
import { containing } from '~/server/services/tasks/sql-helpers';

/** One line of the 审计日志. */
export interface AuditLine {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
  /** Position in the hash chain. */
  seq: number;
  prevHash: string;
  hash: string;
}

/** The filter without paging (the export takes every matching row). */
export type AuditQueryFilter = Omit<z.output<typeof ZAuditFilter>, 'page' | 'pageSize'>;

/**
 * The rows of a unit (and those attributed to no unit) matching the filter, with the actor
 * joined as `u`: shared by the page and the export.
 */
export function auditQuery(kdb: AppDb, unitId: string, f: AuditQueryFilter) {
  let q = kdb
    .selectFrom('app_audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .where((eb) => eb.or([eb('a.unit_id', '=', unitId), eb('a.unit_id', 'is', null)]));
  if (f.action) q = q.where('a.action', '=', f.action);
  if (f.actorId) q = q.where('a.actor_id', '=', f.actorId);
  if (f.from) q = q.where('a.at', '>=', f.from);
  if (f.to) q = q.where('a.at', '<', f.to);
  if (f.search) {
    const like = containing(f.search);
    q = q.where(
      sql<boolean>`(a.target ILIKE ${like} OR u.name ILIKE ${like} OR a.detail::text ILIKE ${like})`,
    );
  }
  return q;
}

/** Who reads the log: the read itself is audited (`audit.view`). */
export interface AuditReader {
  userId: string;
  unitId: string;
  ip: string | null;
}

/**
 * The audit log of a unit, newest first. Failed sign-ins of unknown usernames carry no unit;
 * they are shown to every unit's administrators (there is no unit to attribute them to).
 * The reading is written to the log (`audit.view`, with the filter) before the rows are read,
 * so the page shows its own visit.
 */
export async function listAudit(
  app: AppServices,
  reader: AuditReader,
  f: z.output<typeof ZAuditFilter>,
): Promise<{ items: AuditLine[]; total: number }> {
  const { unitId } = reader;
  const kdb = db(app);
  await writeAudit(kdb, {
    unitId,
    at: app.clock.now(),
    actorId: reader.userId,
    action: 'audit.view',
    target: null,
    detail: { filter: f },
    ip: reader.ip,
  });
  const q = auditQuery(kdb, unitId, f);
  const [rows, count] = await Promise.all([
    q
      .select([
        'a.id',
        'a.at',
        'a.actor_id',
        'u.name as actor_name',
        'a.action',
        'a.target',
        'a.detail',
        'a.ip',
        sql<string>`a.seq::text`.as('seq'),
        'a.prev_hash',
        'a.hash',
      ])
      .orderBy('a.at', 'desc')
      .orderBy('a.seq', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst(),
  ]);
  return {
    total: count?.n ?? 0,
    items: rows.map((r) => ({
      id: String(r.id),
      at: new Date(r.at),
      actorId: r.actor_id,
      actorName: r.actor_name ?? null,
      action: r.action,
      target: r.target,
      detail: (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as Record<
        string,
        unknown
      >,
      ip: r.ip,
      seq: Number(r.seq),
      prevHash: r.prev_hash,
      hash: r.hash,
    })),
  };
}
