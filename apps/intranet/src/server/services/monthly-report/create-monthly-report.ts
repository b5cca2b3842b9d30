import { MONTHLY_REPORT_WORKFLOW, monthLabel, ValidationFailed } from '@gongwen/core';
import type { z } from 'zod';
import type { ZMonthlyReportCreate } from '~/lib/schemas/monthly-report';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { checkAttachments, linkAttachments } from '~/server/services/incoming/attachments';
import { caseListsOf } from '~/server/services/tasks/case-lists';

/**
 * 拟稿 of a department's 工作月报 and, with `submit`, 报送 at once. The engine refuses a second
 * report of the same department and month (and a department not the drafter's own).
 */
export async function createMonthlyReport(
  app: AppServices,
  user: SessionUser,
  input: z.output<typeof ZMonthlyReportCreate>,
): Promise<{ caseId: string; state: string }> {
  const { draft } = input;
  // The engine refuses a second report in the start's transaction; this read only says it kindly.
  const same = await caseListsOf(app).cases({
    unitId: user.unitId,
    workflow: MONTHLY_REPORT_WORKFLOW,
    fields: { departmentId: draft.departmentId, month: draft.month },
    columns: 'header',
    limit: 1,
  });
  if (same.total > 0) {
    const message = `本部门${monthLabel(draft.month)}的工作月报已存在，请在原月报上修改`;
    throw new ValidationFailed(message, {
      caseId: same.items[0]?.id,
      issues: [{ path: ['draft', 'month'], message }],
    });
  }
  await checkAttachments(app, user, draft.attachments, {
    caseId: null,
    commandId: input.commandId,
  });
  const started = await app.engine.start({
    workflow: MONTHLY_REPORT_WORKFLOW,
    actorId: user.id,
    commandId: input.commandId,
    input: draft,
  });
  await linkAttachments(app, started.caseId, draft.attachments);
  if (!input.submit) return { caseId: started.caseId, state: started.state };
  const sent = await app.engine.send({
    caseId: started.caseId,
    actorId: user.id,
    commandId: `${input.commandId}:submit`,
    event: { type: 'SUBMIT' },
  });
  return { caseId: started.caseId, state: sent.state };
}
