import type { z } from 'zod';
import type { ZMonthlyReportSend } from '~/lib/schemas/monthly-report';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { sendCaseAction } from '~/server/services/cases/send-case-action';
import { MONTHLY_REPORT_CASE, monthlyReportContextOf } from './case-kind';

/** Sends one 工作月报 event (报送, 登记, 退回, 重新报送, 归档) through the shared case path. */
export function sendMonthlyReportAction(
  app: AppServices,
  user: SessionUser,
  input: z.output<typeof ZMonthlyReportSend>,
) {
  return sendCaseAction(app, user, input, {
    kind: MONTHLY_REPORT_CASE,
    attachments: (a) =>
      (a.type === 'SUBMIT' || a.type === 'RESUBMIT' ? a.payload.attachments : undefined) ?? [],
    known: (c) => monthlyReportContextOf(c).content.attachments,
  });
}
