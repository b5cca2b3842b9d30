import { outgoingContextOf } from '@gongwen/core';
import type { z } from 'zod';
import {
  OUTGOING_HANDWRITING_EVENTS,
  type ZOutgoingAction,
  type ZOutgoingSend,
} from '~/lib/schemas/outgoing';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { type SendSpec, sendCaseAction } from '~/server/services/cases/send-case-action';

/**
 * What 发文 adds to sending: new attachments of a 稿头 edit (those already on the case stay);
 * 手写批注 on the leader's 签发 decisions.
 */
const OUTGOING_SEND: SendSpec<z.output<typeof ZOutgoingAction>> = {
  attachments: (action) =>
    action.type === 'EDIT' ? (action.payload.header?.attachments ?? []) : [],
  known: (c) => outgoingContextOf(c).header.attachments,
  handwriting: { events: OUTGOING_HANDWRITING_EVENTS, refusal: '只有签发意见可以附手写批注' },
};

/** Sends one 发文 event as `user` (see `sendCaseAction`). */
export function sendOutgoingAction(
  app: AppServices,
  user: SessionUser,
  input: z.output<typeof ZOutgoingSend>,
) {
  return sendCaseAction(app, user, input, OUTGOING_SEND);
}
