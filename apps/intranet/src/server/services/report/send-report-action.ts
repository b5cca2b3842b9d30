import type { z } from 'zod';
import type { ZReportSend } from '~/lib/schemas/report';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { checkAttachments, linkAttachments } from '~/server/services/incoming/attachments';
import { loadReport, reportContextOf } from './access';

/**
 * Sends one 报告审批 event as `user` through the engine (which checks that the user has it now,
 * delegation and the approvers, in one transaction). New attachments of a revision must be the
 * user's own fresh uploads.
 */
export async function sendReportAction(
  app: AppServices,
  user: SessionUser,
  input: z.output<typeof ZReportSend>,
) {
  const c = await loadReport(app, user, input.caseId);
  const { action } = input;
  const attachments =
    (action.type === 'SUBMIT' || action.type === 'RESUBMIT'
      ? action.payload.attachments
      : undefined) ?? [];
  const known = new Set(reportContextOf(c).report.attachments.map((a) => a.blobId));
  const fresh = attachments.filter((a) => !known.has(a.blobId));
  await checkAttachments(app, user, fresh, { caseId: input.caseId, commandId: input.commandId });
  const result = await app.engine.send({
    caseId: input.caseId,
    actorId: user.id,
    commandId: input.commandId,
    event: { type: action.type, ...action.payload },
  });
  await linkAttachments(app, input.caseId, fresh);
  return result;
}
