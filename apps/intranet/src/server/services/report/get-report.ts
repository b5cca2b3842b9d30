import { reportProgress } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { loadReport, reportContextOf } from './access';

/**
 * The report page: the report, its live progress (who has it, since when, who approved), the
 * flow and the events this user may send now. Polled by the page.
 */
export async function getReport(app: AppServices, user: SessionUser, caseId: string) {
  const c = await loadReport(app, user, caseId);
  const ctx = reportContextOf(c);
  const [ledger, can] = await Promise.all([
    app.engine.ledger(caseId),
    app.engine.can({ caseId, actorId: user.id }),
  ]);
  return {
    id: c.id,
    rev: c.rev,
    state: c.state,
    author: ctx.author,
    createdAt: ctx.createdAt,
    report: ctx.report,
    approvers: ctx.approvers,
    mode: ctx.mode,
    parallelRule: ctx.parallelRule,
    progress: reportProgress(c),
    timeline: ledger.map((e) => ({
      seq: e.seq,
      at: e.at,
      actorId: e.actorId,
      onBehalfOf: e.onBehalfOf,
      event: e.event,
      opinion: e.opinion,
      note: typeof e.fields.note === 'string' ? e.fields.note : null,
    })),
    actions: can.map((a) => ({ type: a.type, title: a.title, onBehalfOf: a.onBehalfOf })),
  };
}
