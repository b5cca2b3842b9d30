import { z } from 'zod';
import {
  ZIncomingCaseRef,
  ZIncomingListFilter,
  ZIncomingRegister,
  ZIncomingRemind,
  ZIncomingSend,
} from '~/lib/schemas/incoming';
import { createTRPCRouter, protectedProcedure } from '~/server/api/trpc';
import { getIncomingCase, openIncomingTasks } from '~/server/services/incoming/get-incoming-case';
import {
  getIncomingReadStatus,
  getIncomingTimeline,
} from '~/server/services/incoming/incoming-timeline';
import { listIncoming } from '~/server/services/incoming/list-incoming';
import { buildIncomingSheet } from '~/server/services/incoming/processing-sheet';
import { registerIncoming } from '~/server/services/incoming/register-incoming';
import { sendIncomingAction } from '~/server/services/incoming/send-incoming-action';
import { loadUnitOrg } from '~/server/services/incoming/unit-org';

/** 收文: 签收登记, the case page (header, actions, timeline, 传阅), 催办, the list and the 处理笺. */
export const incomingRouter = createTRPCRouter({
  /** The user's unit: departments and active people, for the pickers of the action forms. */
  org: protectedProcedure.query(({ ctx }) => loadUnitOrg(ctx.app, ctx.user)),

  /** The 收文 of the unit this user may see, searched, filtered, sorted and paged. */
  list: protectedProcedure
    .input(ZIncomingListFilter)
    .query(({ ctx, input }) => listIncoming(ctx.app, ctx.user, input)),

  /** 签收登记: starts a case with the core's ZRegistration. */
  register: protectedProcedure
    .input(ZIncomingRegister)
    .mutation(({ ctx, input }) => registerIncoming(ctx.app, ctx.user, input)),

  /** Header, attachments, state and the actions this user may take now. */
  get: protectedProcedure
    .input(ZIncomingCaseRef)
    .query(({ ctx, input }) => getIncomingCase(ctx.app, ctx.user, input.caseId)),

  /** Records that the user opened their tasks of the case (签收时间). */
  open: protectedProcedure.input(ZIncomingCaseRef).mutation(async ({ ctx, input }) => ({
    opened: await openIncomingTasks(ctx.app, ctx.user, input.caseId),
  })),

  /** Sends one event (its payload validated by the core schema of that event). */
  send: protectedProcedure
    .input(ZIncomingSend)
    .mutation(({ ctx, input }) => sendIncomingAction(ctx.app, ctx.user, input)),

  /** 催办: the secretariat reminds the people holding the open steps. */
  remind: protectedProcedure.input(ZIncomingRemind).mutation(({ ctx, input }) =>
    sendIncomingAction(ctx.app, ctx.user, {
      caseId: input.caseId,
      commandId: input.commandId,
      action: { type: 'REMIND', payload: input.note ? { note: input.note } : {} },
    }),
  ),

  /** The flow as steps, only downward for ordinary users, with the 流程统计. */
  timeline: protectedProcedure
    .input(ZIncomingCaseRef)
    .query(({ ctx, input }) => getIncomingTimeline(ctx.app, ctx.user, input.caseId)),

  /** 传阅: who has read and who has not. */
  readStatus: protectedProcedure
    .input(ZIncomingCaseRef)
    .query(({ ctx, input }) => getIncomingReadStatus(ctx.app, ctx.user, input.caseId)),

  /** The 收文处理笺's content (the print view and the PDF render it). */
  sheet: protectedProcedure
    .input(z.strictObject({ caseId: z.string().min(1).max(128) }))
    .query(({ ctx, input }) => buildIncomingSheet(ctx.app, ctx.user, input.caseId)),
});
