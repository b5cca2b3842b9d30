import { z } from 'zod';
import {
  ZDocNumberHistoryQuery,
  ZOutgoingCaseRef,
  ZOutgoingCreate,
  ZOutgoingDiff,
  ZOutgoingDistribute,
  ZOutgoingImportDocx,
  ZOutgoingListFilter,
  ZOutgoingSaveVersion,
  ZOutgoingSeal,
  ZOutgoingSend,
} from '~/lib/schemas/outgoing';
import { createTRPCRouter, protectedProcedure } from '~/server/api/trpc';
import { createOutgoingDraft } from '~/server/services/outgoing/create-outgoing-draft';
import { diffOutgoingVersions } from '~/server/services/outgoing/diff-outgoing-versions';
import { distributeOutgoing } from '~/server/services/outgoing/distribute-outgoing';
import {
  getDocNumberHistory,
  listIssuerCodes,
} from '~/server/services/outgoing/doc-number-history';
import {
  getOutgoingCase,
  getOutgoingVersion,
  openOutgoingTasks,
} from '~/server/services/outgoing/get-outgoing-case';
import { importOutgoingDocx } from '~/server/services/outgoing/import-outgoing-docx';
import { listOutgoing } from '~/server/services/outgoing/list-outgoing';
import { loadOutgoingOrg } from '~/server/services/outgoing/outgoing-org';
import { getOutgoingTimeline } from '~/server/services/outgoing/outgoing-timeline';
import { buildOutgoingSheet } from '~/server/services/outgoing/processing-sheet';
import { sealOutgoing, verifyOutgoingSeal } from '~/server/services/outgoing/seal-outgoing';
import { sendOutgoingAction } from '~/server/services/outgoing/send-outgoing-action';

/**
 * 发文: 拟稿 (with .docx import), versions and their comparison, every workflow step, 盖章 with
 * the unit's electronic seal, 分发 with 回执, 存档, the 文号 usage history, the list and the
 * 发文稿纸. The GB/T 9704 PDF preview and the sealed PDF are served by /api/outgoing/[caseId]/….
 */
export const outgoingRouter = createTRPCRouter({
  /** The pickers' data: the unit's departments and people, the other units on the platform. */
  org: protectedProcedure.query(({ ctx }) => loadOutgoingOrg(ctx.app, ctx.user)),

  /** The 发文 of the unit this user may see, searched, filtered, sorted and paged. */
  list: protectedProcedure
    .input(ZOutgoingListFilter)
    .query(({ ctx, input }) => listOutgoing(ctx.app, ctx.user, input)),

  /** 拟稿: starts a case with the core's ZCreateOutgoingDraft. */
  create: protectedProcedure
    .input(ZOutgoingCreate)
    .mutation(({ ctx, input }) => createOutgoingDraft(ctx.app, ctx.user, input)),

  /** Turns an uploaded .docx into the structured 正文 (the upload stays as the 原稿). */
  importDocx: protectedProcedure
    .input(ZOutgoingImportDocx)
    .mutation(({ ctx, input }) => importOutgoingDocx(ctx.app, ctx.user, input.blobId)),

  /** Header, 文号, versions, opinions, 分发 and the actions this user may take now. */
  get: protectedProcedure
    .input(ZOutgoingCaseRef)
    .query(({ ctx, input }) => getOutgoingCase(ctx.app, ctx.user, input.caseId)),

  /** Records that the user opened their tasks of the case (签收时间). */
  open: protectedProcedure.input(ZOutgoingCaseRef).mutation(async ({ ctx, input }) => ({
    opened: await openOutgoingTasks(ctx.app, ctx.user, input.caseId),
  })),

  /** One saved version's 正文. */
  version: protectedProcedure
    .input(z.strictObject({ caseId: z.string().min(1).max(128), no: z.number().int().min(1) }))
    .query(({ ctx, input }) => getOutgoingVersion(ctx.app, ctx.user, input.caseId, input.no)),

  /** 保存正文: a new version (and optionally header changes). */
  saveVersion: protectedProcedure.input(ZOutgoingSaveVersion).mutation(({ ctx, input }) =>
    sendOutgoingAction(ctx.app, ctx.user, {
      caseId: input.caseId,
      commandId: input.commandId,
      ...(input.expectedRev !== undefined && { expectedRev: input.expectedRev }),
      action: { type: 'EDIT', payload: input.edit },
    }),
  ),

  /** Sends one workflow event (its payload validated by the core schema of that event). */
  send: protectedProcedure
    .input(ZOutgoingSend)
    .mutation(({ ctx, input }) => sendOutgoingAction(ctx.app, ctx.user, input)),

  /** Side-by-side comparison of two versions (paragraph and character level). */
  diff: protectedProcedure
    .input(ZOutgoingDiff)
    .query(({ ctx, input }) => diffOutgoingVersions(ctx.app, ctx.user, input)),

  /** The flow as steps, only downward for ordinary users, with the 流程统计. */
  timeline: protectedProcedure
    .input(ZOutgoingCaseRef)
    .query(({ ctx, input }) => getOutgoingTimeline(ctx.app, ctx.user, input.caseId)),

  /** 盖章: the PIN unlocks the unit's seal; returns the seal and its verification. */
  seal: protectedProcedure
    .input(ZOutgoingSeal)
    .mutation(({ ctx, input }) => sealOutgoing(ctx.app, ctx.user, input)),

  /** The verification of the sealed PDF (who sealed, when, intact, trusted). */
  verifySeal: protectedProcedure
    .input(ZOutgoingCaseRef)
    .query(({ ctx, input }) => verifyOutgoingSeal(ctx.app, ctx.user, input.caseId)),

  /** 分发 to every 主送/抄送 unit (platform units get a 收文 case: their 回执). */
  distribute: protectedProcedure
    .input(ZOutgoingDistribute)
    .mutation(({ ctx, input }) => distributeOutgoing(ctx.app, ctx.user, input)),

  /** 文号使用记录 of one 机关代字 and year (secretariat and administrators). */
  docNumberHistory: protectedProcedure
    .input(ZDocNumberHistoryQuery)
    .query(({ ctx, input }) => getDocNumberHistory(ctx.app, ctx.user, input)),

  /** The 机关代字 in use in the unit. */
  issuerCodes: protectedProcedure.query(({ ctx }) => listIssuerCodes(ctx.app, ctx.user)),

  /** The 发文稿纸's content (the print view and the PDF render it). */
  sheet: protectedProcedure
    .input(ZOutgoingCaseRef)
    .query(({ ctx, input }) => buildOutgoingSheet(ctx.app, ctx.user, input.caseId)),
});
