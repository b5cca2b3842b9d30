import { ZAuditFilter } from '~/lib/schemas/admin';
import { readerOf } from '~/server/api/routers/admin';
import { adminProcedure, createTRPCRouter } from '~/server/api/trpc';
import { db } from '~/server/app-types';
import { listAudit } from '~/server/services/admin/list-audit';
import { verifyAndRecord } from '~/server/services/audit/verify-audit';

/** 审计日志: the list (each read audited), the chain check on demand and the last checks. */
export const auditRouter = createTRPCRouter({
  /** A page of the unit's audit log, newest first (writes `audit.view`). */
  list: adminProcedure
    .input(ZAuditFilter)
    .query(({ ctx, input }) => listAudit(ctx.app, readerOf(ctx), input)),

  /** 验证: checks the whole chain now and records the outcome in the log. */
  verify: adminProcedure.mutation(async ({ ctx }) => {
    const r = await verifyAndRecord(ctx.app, {
      kind: 'manual',
      actorId: ctx.user.id,
      unitId: ctx.user.unitId,
      ip: readerOf(ctx).ip,
    });
    return {
      ok: r.ok,
      rows: r.rows,
      headSeq: r.head.seq,
      headHash: r.head.hash,
      prunedSeq: r.head.prunedSeq,
      problems: r.problems,
      truncated: r.truncated,
      checkedAt: r.checkedAt,
    };
  }),

  /** The latest recorded checks (daily, manual or by script), newest first. */
  checks: adminProcedure.query(async ({ ctx }) => {
    const rows = await db(ctx.app)
      .selectFrom('app_audit_log')
      .select(['at', 'detail', 'actor_id'])
      .where('action', '=', 'audit.verify')
      .orderBy('seq', 'desc')
      .limit(5)
      .execute();
    return rows.map((r) => {
      const d = (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as {
        trigger?: string;
        ok?: boolean;
        rows?: number;
        headSeq?: number;
      };
      return {
        at: new Date(r.at),
        trigger: d.trigger ?? 'manual',
        ok: d.ok === true,
        rows: d.rows ?? 0,
        headSeq: d.headSeq ?? 0,
        actorId: r.actor_id,
      };
    });
  }),
});
