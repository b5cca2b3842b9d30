import { createChineseCalendar, type WorkingCalendar } from '../../calendar/working-calendar.ts';
import { stateToString } from '../../util/state-value.ts';
import { defineWorkflow, type LedgerProjection } from '../../workflow/definition.ts';
import {
  ZArchive,
  ZAssign,
  ZConfirm,
  ZInstruct,
  ZPickReaders,
  ZProposal,
  ZRead,
  ZRegistration,
  ZRemind,
  ZResult,
  ZReturn,
  ZReview,
  ZSendBack,
  ZWithdraw,
} from './fields.ts';
import {
  createIncomingMachine,
  formatSerialNo,
  type IncomingContext,
  withdrawers,
} from './machine.ts';
import {
  INCOMING_ROLES,
  INCOMING_STATE_LABELS,
  incomingTasks,
  SECRETARIAT_RULE,
  usersRule,
} from './steps.ts';

/** The registry name of the 收文 workflow. */
export const INCOMING_WORKFLOW = 'incoming';

/** Options of `createIncomingWorkflow`. */
export interface IncomingWorkflowOptions {
  /** The unit's working calendar; pass the same one to the engine (default: Chinese statutory). */
  calendar?: WorkingCalendar;
  /** Default 办理时限 in working days (7). */
  defaultDeadlineWorkingDays?: number;
  /** Working days between automatic reminders after the deadline (1). */
  remindIntervalWorkingDays?: number;
}

/** The 收文编号 sequence scope of a registration: per unit (the engine adds it), type and year. */
export function incomingSerialScope(headType: string, year: string | number): string {
  return `收文:${headType}:${year}`;
}

function ctxOf(context: unknown): IncomingContext {
  return context as IncomingContext;
}

function project(event: { type: string; [key: string]: unknown }): LedgerProjection {
  const { type, meta, opinion, reason, note, ...fields } = event;
  if (type === 'start') {
    const serial = (meta as { serial?: { scope: string; value: number } } | undefined)?.serial;
    return {
      opinion: null,
      fields: { ...fields, serialNo: serial ? formatSerialNo(serial) : null },
    };
  }
  const text =
    typeof opinion === 'string'
      ? opinion
      : typeof reason === 'string'
        ? reason
        : typeof note === 'string'
          ? note
          : type === 'SUBMIT_RESULT' && typeof fields.result === 'string'
            ? fields.result
            : null;
  return { opinion: text, fields };
}

/** Builds the 收文 workflow definition (the machine counts days on `calendar`). */
export function createIncomingWorkflow(options: IncomingWorkflowOptions = {}) {
  const calendar = options.calendar ?? createChineseCalendar();
  const machine = createIncomingMachine({
    calendar,
    ...(options.defaultDeadlineWorkingDays !== undefined && {
      defaultDeadlineWorkingDays: options.defaultDeadlineWorkingDays,
    }),
    ...(options.remindIntervalWorkingDays !== undefined && {
      remindIntervalWorkingDays: options.remindIntervalWorkingDays,
    }),
  });
  return defineWorkflow({
    name: INCOMING_WORKFLOW,
    version: 1,
    title: '收文办理',
    machine,
    startSchema: ZRegistration,
    starters: SECRETARIAT_RULE,
    numbering: {
      start: ({ payload, at }) =>
        incomingSerialScope(String(payload.headType), calendar.dateOf(at).slice(0, 4)),
    },
    events: {
      PROPOSE: { title: '拟办', schema: ZProposal },
      REVIEW: { title: '审阅', schema: ZReview },
      INSTRUCT: { title: '批示', schema: ZInstruct },
      RETURN: { title: '退回', schema: ZReturn },
      AMEND_REGISTRATION: { title: '修改登记', schema: ZRegistration },
      WITHDRAW: {
        title: '撤回',
        schema: ZWithdraw,
        // Everyone who could take something back in some step; the machine's guards decide
        // whether this actor may take back anything in the current one.
        by: ({ context }) =>
          usersRule(
            ['open.reviewing', 'open.instructing', 'open.processing'].flatMap((state) =>
              withdrawers(ctxOf(context), state),
            ),
          ),
      },
      ASSIGN: { title: '分派承办人', schema: ZAssign },
      HAND_DOWN: { title: '转办', schema: ZAssign },
      SUBMIT_RESULT: { title: '提交办理结果', schema: ZResult },
      CONFIRM: { title: '确认办结', schema: ZConfirm },
      SEND_BACK: { title: '退回重办', schema: ZSendBack },
      PICK_READERS: { title: '传阅', schema: ZPickReaders },
      READ: { title: '已阅', schema: ZRead },
      REMIND: { title: '催办', schema: ZRemind, by: () => SECRETARIAT_RULE },
      ARCHIVE: { title: '归档', schema: ZArchive },
    },
    tasks: ({ snapshot }) =>
      incomingTasks(stateToString(snapshot.value), snapshot.context as IncomingContext),
    header: (snapshot) => {
      const ctx = snapshot.context as IncomingContext;
      const r = ctx.registration;
      return {
        title: r.title,
        fields: {
          serialNo: ctx.serialNo,
          senderUnit: r.senderUnit,
          senderDocNumber: r.senderDocNumber,
          receivedDate: r.receivedDate,
          docType: r.docType,
          secrecy: r.secrecy,
          urgency: r.urgency,
          headType: r.headType,
          direction: r.direction,
          registeredBy: ctx.registeredBy,
          proposedBy: ctx.proposedBy,
          deadline: ctx.proposal?.deadlineAt ?? null,
          supervise: ctx.proposal?.supervise ?? false,
          reminderCount: ctx.reminders.length,
          departments: ctx.handling.map((d) => ({
            id: d.id,
            role: d.role,
            status: d.status,
            handler: d.handlers.at(-1) ?? null,
            confirmedAt: d.confirmedAt,
          })),
          circulation: ctx.circulation.map((c) => c.id),
          completedAt: ctx.completedAt,
          archivedAt: ctx.archivedAt,
        },
      };
    },
    ledger: project,
    stateLabels: INCOMING_STATE_LABELS,
  });
}

/** The 收文 workflow on the Chinese statutory calendar with default deadlines. */
export const incomingWorkflow = createIncomingWorkflow();

/** Role names the 收文 workflow assigns by (secretary, officeDirector, leader). */
export { INCOMING_ROLES };
