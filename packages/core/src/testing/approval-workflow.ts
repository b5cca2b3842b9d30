import { assign, cancel, raise, setup } from 'xstate';
import { z } from 'zod';
import type { EventMeta } from '../workflow/definition.ts';
import { defineWorkflow } from '../workflow/definition.ts';

/** Input of the sample approval workflow. */
export const ZApprovalInput = z.object({
  title: z.string().trim().min(1, '请填写标题').max(200),
  /** Approvers in order (user ids). */
  approvers: z.array(z.string().min(1)).min(1, '至少选择一位审批人').max(10),
  /** Remind the current approver after this many milliseconds (default one day). */
  remindAfterMs: z.number().int().positive().default(86_400_000),
  /** Working days allowed per approver (sets the task's due time). */
  workingDays: z.number().int().min(1).max(60).default(3),
});

interface ApprovalContext {
  title: string;
  approvers: string[];
  current: number;
  remindAfterMs: number;
  workingDays: number;
  reminders: number;
  opinions: Array<{ by: string; opinion: string; at: string }>;
  returnedReason: string | null;
  startedAt: string;
  /** 审批编号, allocated by the engine at start. */
  serialNo: string | null;
}

type ApprovalEvent =
  | { type: 'APPROVE'; opinion: string; meta: EventMeta }
  | { type: 'RETURN'; reason: string; meta: EventMeta }
  | { type: 'RESUBMIT'; title?: string; meta: EventMeta }
  | { type: 'WITHDRAW'; meta: EventMeta }
  | { type: 'CANCEL'; reason: string; meta: EventMeta }
  | { type: 'REMIND'; meta: EventMeta };

const approvalMachine = setup({
  types: {} as {
    context: ApprovalContext;
    events: ApprovalEvent;
    input: z.output<typeof ZApprovalInput> & { meta: EventMeta };
  },
  guards: {
    isLastApprover: ({ context }) => context.current >= context.approvers.length - 1,
    nothingApprovedYet: ({ context }) => context.current === 0,
  },
  delays: {
    remindDelay: ({ context }) => context.remindAfterMs ?? 86_400_000,
  },
  actions: {
    recordOpinion: assign({
      opinions: ({ context, event }) =>
        event.type === 'APPROVE'
          ? [
              ...context.opinions,
              { by: event.meta.actorId, opinion: event.opinion, at: event.meta.at },
            ]
          : context.opinions,
    }),
    nextApprover: assign({ current: ({ context }) => context.current + 1 }),
    restart: assign({ current: 0, returnedReason: null }),
    rememberReturn: assign({
      returnedReason: ({ event }) => (event.type === 'RETURN' ? event.reason : null),
    }),
    retitle: assign({
      title: ({ context, event }) =>
        event.type === 'RESUBMIT' && event.title ? event.title : context.title,
    }),
    countReminder: assign({ reminders: ({ context }) => context.reminders + 1 }),
  },
}).createMachine({
  id: 'approval',
  context: ({ input }) => ({
    title: input?.title ?? '',
    approvers: input?.approvers ?? [],
    current: 0,
    remindAfterMs: input?.remindAfterMs ?? 86_400_000,
    workingDays: input?.workingDays ?? 3,
    reminders: 0,
    opinions: [],
    returnedReason: null,
    startedAt: input?.meta?.at ?? '',
    serialNo: input?.meta?.serial
      ? `审〔${input.meta.serial.scope.slice(-4)}〕${input.meta.serial.value}号`
      : null,
  }),
  initial: 'reviewing',
  states: {
    reviewing: {
      entry: raise({ type: 'REMIND' } as ApprovalEvent, { id: 'remind', delay: 'remindDelay' }),
      on: {
        APPROVE: [
          { guard: 'isLastApprover', target: 'approved', actions: 'recordOpinion' },
          { target: 'reviewing', reenter: true, actions: ['recordOpinion', 'nextApprover'] },
        ],
        RETURN: { target: 'revising', actions: 'rememberReturn' },
        WITHDRAW: { guard: 'nothingApprovedYet', target: 'revising' },
        REMIND: { target: 'reviewing', reenter: true, actions: 'countReminder' },
      },
      exit: cancel('remind'),
    },
    revising: {
      on: {
        RESUBMIT: { target: 'reviewing', actions: ['retitle', 'restart'] },
        CANCEL: 'cancelled',
      },
    },
    approved: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

/**
 * A small sequential approval (审批) used by the engine's own tests, the conformance
 * suites, the example and the benchmarks. The real 收文/发文 flows live elsewhere.
 */
export const approvalWorkflow = defineWorkflow({
  name: 'approval',
  version: 1,
  title: '审批',
  machine: approvalMachine,
  startSchema: ZApprovalInput,
  numbering: { start: ({ at }) => `审批:${at.getUTCFullYear()}` },
  events: {
    APPROVE: {
      title: '同意',
      schema: z.object({ opinion: z.string().trim().min(1, '请填写意见').max(2000) }),
    },
    RETURN: {
      title: '退回',
      schema: z.object({ reason: z.string().trim().min(1, '请填写退回理由').max(2000) }),
    },
    RESUBMIT: {
      title: '重新提交',
      schema: z.object({ title: z.string().trim().min(1).max(200).optional() }),
    },
    WITHDRAW: { title: '撤回', schema: z.object({}), by: () => ({ starter: true }) },
    CANCEL: { title: '撤销', schema: z.object({ reason: z.string().trim().min(1).max(2000) }) },
  },
  tasks: ({ snapshot, facts }) => {
    const ctx = snapshot.context;
    if (snapshot.matches('reviewing')) {
      const approver = ctx.approvers[ctx.current]!;
      return [
        {
          key: `approve:${ctx.current}:${approver}`,
          kind: 'act',
          label: '审批',
          assignees: { user: approver },
          events: ['APPROVE', 'RETURN'],
          due: { workingDays: ctx.workingDays },
        },
      ];
    }
    if (snapshot.matches('revising')) {
      return [
        {
          key: 'revise',
          kind: 'act',
          label: '修改后重新提交',
          assignees: { user: facts.startedBy },
          events: ['RESUBMIT', 'CANCEL'],
        },
      ];
    }
    return [];
  },
  header: (snapshot) => ({
    title: snapshot.context.title,
    fields: {
      serialNo: snapshot.context.serialNo,
      reminders: snapshot.context.reminders,
      approvers: snapshot.context.approvers,
    },
  }),
  ledger: (event) => {
    const { type: _t, meta: _m, opinion, reason, ...fields } = event;
    const text = typeof opinion === 'string' ? opinion : typeof reason === 'string' ? reason : null;
    return { opinion: text, fields };
  },
  stateLabels: { reviewing: '审批中', revising: '修改中', approved: '已同意', cancelled: '已撤销' },
});
