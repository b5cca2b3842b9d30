import type { z } from 'zod';
import { createChineseCalendar, type WorkingCalendar } from '../../calendar/working-calendar.ts';
import { stateToString } from '../../util/state-value.ts';
import {
  defineWorkflow,
  type EventMeta,
  type EventSpec,
  type LedgerProjection,
} from '../../workflow/definition.ts';
import { outgoingVisibility } from './case-visibility.ts';
import type { OutgoingContext } from './context.ts';
import { currentDocNumber, docNumberScope, formatDocNumber } from './doc-numbers.ts';
import {
  ZArchive,
  ZAssignMember,
  ZCancel,
  ZCheck,
  ZCountersign,
  ZCountersignAgain,
  ZCreateOutgoingDraft,
  ZDistribute,
  ZEdit,
  ZFinalize,
  ZRecheck,
  ZRecordReceipt,
  ZReject,
  ZRemindReceipts,
  ZReturn,
  ZReturnForRevision,
  ZSeal,
  ZSendToRecheck,
  ZSign,
  ZSubmit,
  ZVoidDocNumber,
  ZWithdraw,
} from './fields.ts';
import { createOutgoingMachine } from './machine.ts';
import {
  type DepartmentIssuerCodes,
  outgoingEventCheck,
  outgoingStartCheck,
} from './org-checks.ts';
import {
  OUTGOING_ROLES,
  OUTGOING_SECRETARIAT_RULE,
  OUTGOING_STATE_LABELS,
  outgoingTasks,
  usersRule,
} from './steps.ts';
import { withdrawers } from './withdrawal.ts';
import { OUTGOING_WORKFLOW } from './workflow-name.ts';

export { OUTGOING_WORKFLOW };

/** Options of `createOutgoingWorkflow`. */
export interface OutgoingWorkflowOptions {
  /** The unit's working calendar; pass the same one to the engine (default: Chinese statutory). */
  calendar?: WorkingCalendar;
  /** When the 文号 is taken: at 签发 (default) or at 成文. */
  numberAt?: 'sign' | 'finalize';
  /** Working days after 分发 before missing 回执 are chased (3). */
  receiptReminderWorkingDays?: number;
  /** Working days between later 回执 reminders (1). */
  receiptRemindIntervalWorkingDays?: number;
  /**
   * 机关代字 reserved for a department and those below it (e.g. `{ office: ['示政办发'] }`);
   * every other 机关代字 must be the unit's own or formed from its stem (`isUnitIssuerCode`).
   */
  departmentIssuerCodes?: DepartmentIssuerCodes;
}

function ctxOf(context: unknown): OutgoingContext {
  return context as OutgoingContext;
}

function project(event: { type: string; [key: string]: unknown }): LedgerProjection {
  const { type, meta, opinion, reason, note, ...fields } = event;
  const serial = (meta as EventMeta | undefined)?.serial;
  if (serial) fields.docNumber = formatDocNumber(serial);
  if (type === 'start') return { opinion: null, fields };
  const text =
    typeof opinion === 'string'
      ? opinion
      : typeof reason === 'string'
        ? reason
        : typeof note === 'string'
          ? note
          : null;
  if (typeof note === 'string' && text !== note) fields.note = note;
  return { opinion: text, fields };
}

/** Builds the 发文 workflow definition. */
export function createOutgoingWorkflow(options: OutgoingWorkflowOptions = {}) {
  const calendar = options.calendar ?? createChineseCalendar();
  const numberAt = options.numberAt ?? 'sign';
  const machine = createOutgoingMachine({
    calendar,
    ...(options.receiptReminderWorkingDays !== undefined && {
      receiptReminderWorkingDays: options.receiptReminderWorkingDays,
    }),
    ...(options.receiptRemindIntervalWorkingDays !== undefined && {
      receiptRemindIntervalWorkingDays: options.receiptRemindIntervalWorkingDays,
    }),
  });
  const codes = options.departmentIssuerCodes;
  const checked = <S extends z.ZodType>(type: string, title: string, schema: S): EventSpec<S> => ({
    title,
    schema,
    check: outgoingEventCheck(type, title, codes),
  });
  const scopeOf = (context: unknown, at: Date) =>
    docNumberScope(ctxOf(context).header.issuerCode, calendar.dateOf(at).slice(0, 4));
  return defineWorkflow({
    name: OUTGOING_WORKFLOW,
    version: 1,
    title: '发文办理',
    machine,
    startSchema: ZCreateOutgoingDraft,
    startCheck: outgoingStartCheck(codes),
    numbering: {
      SIGN: ({ context, at }) => (numberAt === 'sign' ? scopeOf(context, at) : null),
      FINALIZE: ({ context, at }) => (numberAt === 'finalize' ? scopeOf(context, at) : null),
      VOID_DOC_NUMBER: ({ context, at }) => scopeOf(context, at),
    },
    events: {
      EDIT: checked('EDIT', '保存正文', ZEdit),
      SUBMIT: checked('SUBMIT', '送核稿', ZSubmit),
      CANCEL: { title: '作废拟稿', schema: ZCancel },
      CHECK: checked('CHECK', '核稿', ZCheck),
      RETURN: { title: '退回', schema: ZReturn },
      WITHDRAW: {
        title: '撤回',
        schema: ZWithdraw,
        by: ({ context }) =>
          usersRule(
            ['checking', 'countersigning', 'rechecking', 'signing', 'finalizing'].flatMap((s) =>
              withdrawers(ctxOf(context), s),
            ),
          ),
      },
      ASSIGN_MEMBER: checked('ASSIGN_MEMBER', '指定会签人', ZAssignMember),
      COUNTERSIGN: checked('COUNTERSIGN', '会签', ZCountersign),
      COUNTERSIGN_AGAIN: checked('COUNTERSIGN_AGAIN', '再次会签', ZCountersignAgain),
      SEND_TO_RECHECK: { title: '送复核', schema: ZSendToRecheck },
      RECHECK: { title: '复核', schema: ZRecheck },
      SIGN: { title: '签发', schema: ZSign },
      REJECT: { title: '不予签发', schema: ZReject },
      RETURN_FOR_REVISION: { title: '退回修改', schema: ZReturnForRevision },
      FINALIZE: { title: '成文', schema: ZFinalize },
      VOID_DOC_NUMBER: {
        title: '文号作废',
        schema: ZVoidDocNumber,
        by: () => OUTGOING_SECRETARIAT_RULE,
      },
      SEAL: checked('SEAL', '盖章', ZSeal),
      DISTRIBUTE: checked('DISTRIBUTE', '分发', ZDistribute),
      RECORD_RECEIPT: { title: '登记回执', schema: ZRecordReceipt },
      REMIND_RECEIPTS: {
        title: '催收回执',
        schema: ZRemindReceipts,
        by: () => OUTGOING_SECRETARIAT_RULE,
      },
      ARCHIVE: { title: '归档', schema: ZArchive },
    },
    tasks: ({ snapshot }) =>
      outgoingTasks(stateToString(snapshot.value), snapshot.context as OutgoingContext),
    header: (snapshot) => outgoingHeader(snapshot.context as OutgoingContext),
    ledger: project,
    stateLabels: OUTGOING_STATE_LABELS,
    visibility: outgoingVisibility,
  });
}

/** The header fields a 发文 case row carries (文号, 文种, 密级, progress and the 文号 history). */
export function outgoingHeader(ctx: OutgoingContext): {
  title: string;
  fields: Record<string, unknown>;
} {
  const h = ctx.header;
  const current = currentDocNumber(ctx);
  return {
    title: h.title,
    fields: {
      docNumber: current?.docNumber ?? null,
      issuerCode: h.issuerCode,
      docType: h.docType,
      secrecy: h.secrecy,
      urgency: h.urgency,
      classification: h.classification,
      draftingDepartment: h.draftingDepartment,
      drafter: ctx.drafter,
      draftedAt: ctx.draftedAt,
      mainRecipients: h.mainRecipients,
      ccRecipients: h.ccRecipients,
      copies: h.copies,
      keywords: h.keywords,
      currentVersion: ctx.versions.at(-1)?.no ?? 0,
      countersignDepartments: ctx.countersign.map((d) => ({
        id: d.id,
        status: d.status,
        agree: d.opinion?.agree ?? null,
      })),
      signer: ctx.signer,
      signedAt: ctx.signing?.at ?? null,
      signedVersion: ctx.signedVersion,
      finalVersion: ctx.finalized?.version ?? null,
      finalizedAt: ctx.finalized?.at ?? null,
      sealedAt: ctx.seal?.sealedAt ?? null,
      sealedPdf: ctx.seal?.pdfBlobKey ?? null,
      distributedAt: ctx.distributedAt,
      receipts: ctx.recipients.map((r) => ({
        key: r.key,
        received: r.receipt !== null,
        incomingCaseId: r.delivery?.incomingCaseId ?? null,
      })),
      reminderCount: ctx.reminders.length,
      completedAt: ctx.completedAt,
      rejectedAt: ctx.rejected?.at ?? null,
      cancelledAt: ctx.cancelled?.at ?? null,
      archivedAt: ctx.archivedAt,
      /** Every 文号 this case took, valid or 作废 (the source of `outgoingDocNumberHistory`). */
      docNumbers: ctx.docNumbers,
    },
  };
}

/** The 发文 workflow on the Chinese statutory calendar, numbering at 签发. */
export const outgoingWorkflow = createOutgoingWorkflow();

/** Role names the 发文 workflow assigns by. */
export { OUTGOING_ROLES };
