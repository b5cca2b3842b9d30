import type { z } from 'zod';
import { createChineseCalendar, type WorkingCalendar } from '../../calendar/working-calendar.ts';
import { stateToString } from '../../util/state-value.ts';
import {
  defineWorkflow,
  type EventSpec,
  type LedgerProjection,
} from '../../workflow/definition.ts';
import type { PetitionContext } from './context.ts';
import { formatPetitionSerialNo, stageDeadline } from './context-queries.ts';
import {
  ZAccept,
  ZApproveExtension,
  ZApproveReply,
  ZArchive,
  ZAssignDepartment,
  ZAssignHandler,
  ZClose,
  ZDecline,
  ZDenyExtension,
  ZPetitionRegistration,
  ZRecordSatisfaction,
  ZRemind,
  ZRequestExtension,
  ZRequestReview,
  ZReturnReply,
  ZReviewOpinion,
  ZSubmitReply,
  ZTransfer,
} from './fields.ts';
import { createPetitionMachine } from './machine.ts';
import { petitionEventCheck, petitionStartCheck } from './org-checks.ts';
import { maskName, maskRegistration, petitionersOf } from './privacy.ts';
import { clerksRule, PETITION_CLERK_ROLE, PETITION_STATE_LABELS, petitionTasks } from './steps.ts';

/** The registry name of the 信访 workflow. */
export const PETITION_WORKFLOW = 'petition';

/** Options of `createPetitionWorkflow`. */
export interface PetitionWorkflowOptions {
  /** The unit's calendar (holiday rule, 督办 interval); pass the same one to the engine. */
  calendar?: WorkingCalendar;
  /** 信访编号 prefix: 示信 → 示信〔2026〕15号 (default 信). */
  serialPrefix?: string;
  /** The role code of the unit's 信访专员 (default `petitionClerk`). */
  clerkRole?: string;
  /** Move a last day falling on a rest day to the next working day (default true). */
  rollOverHolidays?: boolean;
  /** Working days between 督办 reminders once a deadline has passed (default 1). */
  overdueRemindWorkingDays?: number;
  /** IANA time zone of dates in notices (default Asia/Shanghai). */
  timeZone?: string;
}

/** The 信访编号 sequence scope: one gapless sequence per unit (the engine adds it) and year. */
export function petitionSerialScope(year: string | number): string {
  return `信访:${year}`;
}

function checked<S extends z.ZodType>(title: string, schema: S): EventSpec<S> {
  return { title, schema, check: petitionEventCheck };
}

/**
 * The ledger projection: personal data of petitioners never enters the hash chain in clear
 * (the chain cannot be edited later); the start entry keeps them masked, the case snapshot
 * keeps them whole.
 */
function project(prefix: string) {
  return (event: { type: string; [key: string]: unknown }): LedgerProjection => {
    const { type, meta, opinion, reason, note, ...fields } = event;
    if (type === 'start') {
      const serial = (meta as { serial?: { scope: string; value: number } } | undefined)?.serial;
      const parsed = ZPetitionRegistration.safeParse(fields);
      return {
        opinion: null,
        fields: {
          ...(parsed.success ? maskRegistration(parsed.data, 'masked') : {}),
          serialNo: serial ? formatPetitionSerialNo(serial, prefix) : null,
        },
      };
    }
    const text =
      typeof opinion === 'string'
        ? opinion
        : typeof reason === 'string'
          ? reason
          : typeof note === 'string'
            ? note
            : null;
    return { opinion: text, fields };
  };
}

/** Builds the 信访 workflow definition. */
export function createPetitionWorkflow(options: PetitionWorkflowOptions = {}) {
  const calendar = options.calendar ?? createChineseCalendar();
  const prefix = options.serialPrefix ?? '信';
  const clerkRole = options.clerkRole ?? PETITION_CLERK_ROLE;
  const clerks = clerksRule(clerkRole);
  const machine = createPetitionMachine({
    calendar,
    serialPrefix: prefix,
    ...(options.rollOverHolidays !== undefined && { rollOverHolidays: options.rollOverHolidays }),
    ...(options.overdueRemindWorkingDays !== undefined && {
      overdueRemindWorkingDays: options.overdueRemindWorkingDays,
    }),
    ...(options.timeZone !== undefined && { timeZone: options.timeZone }),
  });
  return defineWorkflow({
    name: PETITION_WORKFLOW,
    version: 1,
    title: '信访管理',
    machine,
    startSchema: ZPetitionRegistration,
    starters: clerks,
    startCheck: petitionStartCheck,
    numbering: {
      start: ({ at }) => petitionSerialScope(calendar.dateOf(at).slice(0, 4)),
    },
    events: {
      ACCEPT: { title: '受理', schema: ZAccept },
      DECLINE: { title: '不予受理', schema: ZDecline },
      TRANSFER: { title: '转送', schema: ZTransfer },
      ASSIGN: checked('交办', ZAssignDepartment),
      ASSIGN_HANDLER: checked('分派承办人', ZAssignHandler),
      REQUEST_EXTENSION: { title: '申请延期', schema: ZRequestExtension },
      APPROVE_EXTENSION: { title: '批准延期', schema: ZApproveExtension },
      DENY_EXTENSION: { title: '不批准延期', schema: ZDenyExtension },
      SUBMIT_REPLY: { title: '提交处理意见', schema: ZSubmitReply },
      APPROVE_REPLY: { title: '审核通过并答复', schema: ZApproveReply },
      RETURN_REPLY: { title: '退回修改', schema: ZReturnReply },
      RECORD_SATISFACTION: { title: '登记满意度', schema: ZRecordSatisfaction },
      REQUEST_REVIEW: checked('登记复查申请', ZRequestReview),
      GIVE_REVIEW_OPINION: { title: '复查意见', schema: ZReviewOpinion },
      REQUEST_RECHECK: checked('登记复核申请', ZRequestReview),
      GIVE_RECHECK_OPINION: { title: '复核意见', schema: ZReviewOpinion },
      CLOSE: { title: '办结', schema: ZClose },
      REMIND: { title: '催办', schema: ZRemind, by: () => clerks },
      ARCHIVE: { title: '归档', schema: ZArchive },
    },
    tasks: ({ snapshot }) =>
      petitionTasks(stateToString(snapshot.value), snapshot.context as PetitionContext, clerkRole),
    header: (snapshot) => {
      const ctx = snapshot.context as PetitionContext;
      const r = ctx.registration;
      const state = stateToString(snapshot.value);
      const people = petitionersOf(r);
      const first = people[0]?.name ?? '';
      const who =
        r.channel === 'visit' && r.headcount > 1
          ? `${maskName(first)}等${r.headcount}人`
          : maskName(first);
      return {
        // the title names no petitioner in clear: lists are seen by more people than the case
        title:
          `${ctx.serialNo ?? ''} ${r.channel === 'letter' ? '来信' : r.headcount >= 5 ? '集体访' : '来访'}：${r.summary.slice(0, 40)}`.trim(),
        fields: {
          serialNo: ctx.serialNo,
          channel: r.channel,
          collective: r.channel === 'visit' && r.headcount >= 5,
          headcount: r.channel === 'visit' ? r.headcount : 1,
          petitioner: who,
          category: r.category,
          locality: r.locality,
          receivedOn: ctx.receivedOn,
          repeat: r.repeatOf.length > 0,
          decision: ctx.decision?.kind ?? null,
          department: ctx.department?.id ?? null,
          handler: ctx.department?.handler ?? null,
          deadline: stageDeadline(state, ctx)?.at ?? null,
          handleBy: ctx.handleBy?.at ?? null,
          extendedDays: ctx.extensions
            .filter((e) => e.status === 'approved')
            .reduce((n, e) => n + e.days, 0),
          satisfaction: ctx.satisfaction?.rating ?? null,
          overdue: ctx.overdue.map((o) => o.stage),
          reminderCount: ctx.reminders.length,
          outcome: ctx.outcome,
          concludedAt: ctx.concludedAt,
          archivedAt: ctx.archivedAt,
        },
      };
    },
    ledger: project(prefix),
    stateLabels: PETITION_STATE_LABELS,
  });
}

/** The 信访 workflow on the Chinese statutory calendar with the defaults. */
export const petitionWorkflow = createPetitionWorkflow();
