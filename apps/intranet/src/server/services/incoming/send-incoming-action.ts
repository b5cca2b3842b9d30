import type { z } from 'zod';
import {
  HANDWRITING_EVENTS,
  type ZIncomingAction,
  type ZIncomingSend,
} from '~/lib/schemas/incoming';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { type SendSpec, sendCaseAction } from '~/server/services/cases/send-case-action';

/** What 收文 adds to sending: attachments of 办理结果 and 修改登记; 手写批注 on 批示 and 审阅. */
const INCOMING_SEND: SendSpec<z.output<typeof ZIncomingAction>> = {
  attachments: (action) =>
    action.type === 'SUBMIT_RESULT' || action.type === 'AMEND_REGISTRATION'
      ? action.payload.attachments
      : [],
  handwriting: { events: HANDWRITING_EVENTS, refusal: '只有批示和审阅意见可以附手写批注' },
};

/** Sends one 收文 event as `user` (see `sendCaseAction`). */
export function sendIncomingAction(
  app: AppServices,
  user: SessionUser,
  input: z.output<typeof ZIncomingSend>,
) {
  return sendCaseAction(app, user, input, INCOMING_SEND);
}
