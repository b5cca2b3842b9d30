import { sql } from 'kysely';
import type { z } from 'zod';
import type { ZAuditFilter } from '~/lib/schemas/admin';
import { type AppServices, db } from '~/server/app';
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
}

/**
 * The audit log of a unit, newest first. Failed sign-ins of unknown usernames carry no unit;
 * they are shown to every unit's administrators (there is no unit to attribute them to).
 */
export async function listAudit(
  app: AppServices,
  unitId: string,
  f: z.output<typeof ZAuditFilter>,
): Promise<{ items: AuditLine[]; total: number }> {
  const kdb = db(app);
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
      ])
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
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
    })),
  };
}
