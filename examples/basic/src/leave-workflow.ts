import { defineWorkflow, type EventMeta } from '@gongwen/core';
import { assign, setup } from 'xstate';
import { z } from 'zod';

/** What an employee fills in to ask for leave (请假申请). */
export const ZLeaveRequest = z.object({
  kind: z.enum(['年休假', '事假', '病假']),
  days: z.number().int().min(1, '至少 1 天').max(30, '最多 30 天'),
  reason: z.string().trim().min(1, '请填写事由').max(500),
});

type LeaveEvent =
  | { type: 'APPROVE'; opinion: string; meta: EventMeta }
  | { type: 'REJECT'; opinion: string; meta: EventMeta }
  | { type: 'REMIND'; meta: EventMeta };

const machine = setup({
  types: {} as {
    context: z.output<typeof ZLeaveRequest> & { applicant: string; reminders: number };
    events: LeaveEvent;
    input: z.output<typeof ZLeaveRequest> & { meta: EventMeta };
  },
  guards: {
    // Leave longer than three days also needs the office director.
    needsDirector: ({ context }) => context.days > 3,
  },
  actions: {
    countReminder: assign({ reminders: ({ context }) => context.reminders + 1 }),
  },
}).createMachine({
  id: 'leave',
  context: ({ input }) => ({
    kind: input?.kind ?? '事假',
    days: input?.days ?? 1,
    reason: input?.reason ?? '',
    applicant: input?.meta?.actorId ?? '',
    reminders: 0,
  }),
  initial: 'headReview',
  states: {
    headReview: {
      // The engine turns `after` into a durable timer row: 催办 after one day.
      after: { 86400000: { target: 'headReview', reenter: true, actions: 'countReminder' } },
      on: {
        APPROVE: [{ guard: 'needsDirector', target: 'directorReview' }, { target: 'approved' }],
        REJECT: 'rejected',
      },
    },
    directorReview: { on: { APPROVE: 'approved', REJECT: 'rejected' } },
    approved: { type: 'final' },
    rejected: { type: 'final' },
  },
});

const opinion = z.object({ opinion: z.string().trim().min(1, '请填写意见').max(1000) });

/** 请假: the applicant's department head decides; longer leave also goes to the office director. */
export const leaveWorkflow = defineWorkflow({
  name: 'leave',
  version: 1,
  title: '请假审批',
  machine,
  startSchema: ZLeaveRequest,
  events: {
    APPROVE: { title: '同意', schema: opinion },
    REJECT: { title: '不同意', schema: opinion },
  },
  tasks: ({ snapshot, facts }) => {
    if (snapshot.matches('headReview')) {
      return [
        {
          key: 'head',
          kind: 'act',
          label: '部门负责人审批',
          assignees: { superiorOf: facts.startedBy },
          events: ['APPROVE', 'REJECT'],
          due: { workingDays: 1 },
        },
      ];
    }
    if (snapshot.matches('directorReview')) {
      return [
        {
          key: 'director',
          kind: 'act',
          label: '办公室主任审批',
          assignees: { role: 'officeDirector' },
          events: ['APPROVE', 'REJECT'],
          due: { workingDays: 2 },
        },
      ];
    }
    return [];
  },
  header: (snapshot) => ({
    title: `${snapshot.context.kind} ${snapshot.context.days} 天`,
    fields: { reason: snapshot.context.reason, reminders: snapshot.context.reminders },
  }),
  stateLabels: {
    headReview: '部门负责人审批',
    directorReview: '办公室主任审批',
    approved: '已批准',
    rejected: '未批准',
  },
});
