import {
  MONTHLY_REPORT_LEDGER_LABELS,
  MONTHLY_REPORT_STATE_LABELS,
  monthLabel,
} from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { loadCase } from '~/server/services/cases/load-case';
import { loadNames } from '~/server/services/cases/names';
import { timelineSteps } from '~/server/services/cases/timeline';
import { MONTHLY_REPORT_CASE } from './case-kind';

/** The 工作月报 page: the report, where it stands, its flow and the events the user may send now. */
export async function getMonthlyReport(app: AppServices, user: SessionUser, caseId: string) {
  const access = await loadCase(app, user, caseId, MONTHLY_REPORT_CASE);
  const { caseRecord: c, ctx } = access;
  const [names, can] = await Promise.all([
    loadNames(app, user.unitId),
    app.engine.can({ caseId, actorId: user.id }),
  ]);
  const timeline = await timelineSteps(app, access, names, {
    stateLabels: MONTHLY_REPORT_STATE_LABELS,
    eventLabels: MONTHLY_REPORT_LEDGER_LABELS,
    describe: () => '',
    extra: () => ({}),
  });
  return {
    id: c.id,
    rev: c.rev,
    state: c.state,
    stateLabel: MONTHLY_REPORT_STATE_LABELS[c.state] ?? c.state,
    title: `${names.department(ctx.departmentId)}${monthLabel(ctx.month)}工作月报`,
    month: ctx.month,
    departmentName: names.department(ctx.departmentId),
    authorName: names.user(ctx.author),
    mine: ctx.author === user.id,
    content: ctx.content,
    submittedAt: ctx.submittedAt,
    returned: ctx.returned && { ...ctx.returned, byName: names.user(ctx.returned.by) },
    registered: ctx.registered && { ...ctx.registered, byName: names.user(ctx.registered.by) },
    archived: ctx.archived && { ...ctx.archived, byName: names.user(ctx.archived.by) },
    timeline,
    actions: can.map((a) => ({ type: a.type, title: a.title })),
  };
}
