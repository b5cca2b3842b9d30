import type { z } from 'zod';
import type { ZReportAction, ZReportSend } from '~/lib/schemas/report';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { type SendSpec, sendCaseAction } from '~/server/services/cases/send-case-action';
import { REPORT_CASE, reportContextOf } from './access';

/**
 * What 报告审批 adds to sending: only those who see the report send; new attachments of a
 * revision must be the user's own fresh uploads (those already on the report stay).
 */
const REPORT_SEND: SendSpec<z.output<typeof ZReportAction>> = {
  kind: REPORT_CASE,
  attachments: (action) =>
    (action.type === 'SUBMIT' || action.type === 'RESUBMIT'
      ? action.payload.attachments
      : undefined) ?? [],
  known: (c) => reportContextOf(c).report.attachments,
};

/** Sends one 报告审批 event as `user` (see `sendCaseAction`). */
export function sendReportAction(
  app: AppServices,
  user: SessionUser,
  input: z.output<typeof ZReportSend>,
) {
  return sendCaseAction(app, user, input, REPORT_SEND);
}
