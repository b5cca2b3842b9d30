import { checkReportApprovers, ValidationFailed } from '@gongwen/core';
import type { z } from 'zod';
import type { ZReportCreate } from '~/lib/schemas/report';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { checkAttachments, linkAttachments } from '~/server/services/incoming/attachments';

/**
 * 拟稿 of a 请示/报告/申请 and, with `submit`, 送审 at once. The approvers are checked before
 * anything is written, so a bad list leaves no half-made draft behind.
 */
export async function createReport(
  app: AppServices,
  user: SessionUser,
  input: z.output<typeof ZReportCreate>,
): Promise<{ caseId: string; state: string }> {
  const { draft } = input;
  if (input.submit) {
    const problems = await checkReportApprovers({
      directory: app.directory,
      unitId: user.unitId,
      authorId: user.id,
      approvers: draft.approvers,
    });
    if (problems.length > 0)
      throw new ValidationFailed(problems.join('；'), {
        issues: problems.map((message) => ({ path: ['draft', 'approvers'], message })),
      });
  }
  await checkAttachments(app, user, draft.attachments, {
    caseId: null,
    commandId: input.commandId,
  });
  const started = await app.engine.start({
    workflow: 'report',
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
