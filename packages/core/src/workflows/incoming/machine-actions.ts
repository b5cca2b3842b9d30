import { formatDateZh } from '../../util/format-date-zh.ts';
import { TIMER_ACTOR } from '../../workflow/machine-helpers.ts';
import { ev, principalOf, str } from '../shared/event-payload.ts';
import { actionBuilders } from '../shared/machine-actions.ts';
import {
  DEADLINE_REMIND_ID,
  type HandlingDepartment,
  type IncomingContext,
  type IncomingEvent,
  type IncomingNotify,
} from './context.ts';
import {
  deptOf,
  handlingTargets,
  headMay,
  pickTargets,
  readTargets,
  replaceDept,
  senderHandling,
} from './context-queries.ts';
import type { IncomingMachineSupport } from './machine-support.ts';

const { update, emit, enqueue } = actionBuilders<IncomingContext, IncomingEvent, IncomingNotify>();

/** The actions of the 收文 machine. */
export function createIncomingActions(support: IncomingMachineSupport) {
  const { intervalDays, timeZone, effective, reminderRecipients, calendar } = support;
  return {
    recordProposal: update(({ context, event }) => {
      if (event.type !== 'PROPOSE') return {};
      const { type: _t, meta, ...proposal } = event;
      const p = effective(proposal, meta.at);
      return {
        round: context.round + 1,
        originalProposal: p,
        proposal: p,
        proposedBy: principalOf(meta),
        proposedAt: meta.at,
        reviewedBy: null,
        returned: null,
        instructions: [],
        reviewWithdrawableBy: null,
        handling: [],
        circulation: [],
      };
    }),
    recordReview: update(({ context, event }) => {
      if (event.type !== 'REVIEW') return {};
      const who = principalOf(event.meta);
      const proposal =
        event.decision === 'change' ? effective(event.proposal, event.meta.at) : context.proposal;
      return { proposal, reviewedBy: who, reviewWithdrawableBy: who };
    }),
    withdrawReview: update(({ context }) => ({
      proposal: context.originalProposal,
      reviewedBy: null,
      reviewWithdrawableBy: null,
    })),
    recordReturn: update(({ context, event }) => ({
      returned: {
        by: principalOf(event.meta),
        reason: str(event, 'reason'),
        at: event.meta.at,
        fromStep: context.instructions.length > 0 || context.reviewedBy ? '批示' : '审阅',
      },
      instructions: [],
      reviewWithdrawableBy: null,
    })),
    recordWithdrawProposal: update(() => ({ reviewWithdrawableBy: null })),
    recordReturnToRegistration: update(({ event }) => ({
      returned: {
        by: principalOf(event.meta),
        reason: str(event, 'reason'),
        at: event.meta.at,
        fromStep: '拟办',
      },
    })),
    amendRegistration: update(({ context, event }) => {
      if (event.type !== 'AMEND_REGISTRATION') return {};
      const { type: _t, meta: _m, ...registration } = event;
      return { registration, returned: null, amendments: context.amendments + 1 };
    }),
    recordInstruction: update(({ context, event }) => {
      if (event.type !== 'INSTRUCT') return {};
      return {
        reviewWithdrawableBy: null,
        instructions: [
          ...context.instructions,
          {
            leader: principalOf(event.meta),
            actorId: event.meta.actorId,
            onBehalfOf: event.meta.onBehalfOf,
            opinion: event.opinion,
            at: event.meta.at,
            addAssistDepartments: event.addAssistDepartments,
            addCirculateDepartments: event.addCirculateDepartments,
          },
        ],
      };
    }),
    withdrawInstruction: update(({ context, event }) => {
      const who = principalOf(event.meta);
      const idx = context.instructions.findLastIndex((i) => i.leader === who);
      return { instructions: context.instructions.filter((_, i) => i !== idx) };
    }),
    dispatch: update(({ context }) => {
      const p = context.proposal!;
      const main = p.mainDepartment;
      const assist = [
        ...new Set([
          ...p.assistDepartments,
          ...context.instructions.flatMap((i) => i.addAssistDepartments),
        ]),
      ].filter((d) => d !== main);
      const circulate = [
        ...new Set([
          ...p.circulateDepartments,
          ...context.instructions.flatMap((i) => i.addCirculateDepartments),
        ]),
      ];
      const dept = (id: string, role: 'main' | 'assist'): HandlingDepartment => ({
        id,
        role,
        status: 'assigning',
        step: 0,
        head: null,
        handlers: [],
        result: null,
        withdrawable: null,
        sentBack: 0,
        confirmedAt: null,
      });
      return {
        reviewWithdrawableBy: null,
        handling: [
          ...(main ? [dept(main, 'main')] : []),
          ...assist.map((id) => dept(id, 'assist')),
        ],
        circulation: circulate.map((id) => ({
          id,
          from: null,
          head: null,
          pickedAt: null,
          readers: {},
        })),
      };
    }),
    assignHandler: update(({ context, event }) => {
      const who = principalOf(event.meta);
      const target = handlingTargets(context.handling, event).find(
        (d) => d.status === 'assigning' && headMay(d, who),
      )!;
      return {
        handling: replaceDept(context.handling, target.id, () => ({
          status: 'handling',
          head: who,
          handlers: [str(event, 'handlerId')],
          withdrawable: { by: who, kind: 'assign' },
        })),
      };
    }),
    handDown: update(({ context, event }) => {
      const who = principalOf(event.meta);
      const target = senderHandling(context.handling, event)[0]!;
      return {
        handling: replaceDept(context.handling, target.id, (d) => ({
          handlers: [...d.handlers, str(event, 'handlerId')],
          withdrawable: { by: who, kind: 'handDown' },
        })),
      };
    }),
    submitResult: update(({ context, event }) => {
      if (event.type !== 'SUBMIT_RESULT') return {};
      const who = principalOf(event.meta);
      const target = senderHandling(context.handling, event)[0]!;
      return {
        handling: replaceDept(context.handling, target.id, () => ({
          status: 'confirming',
          result: {
            text: event.result,
            attachments: event.attachments,
            by: event.meta.actorId,
            onBehalfOf: event.meta.onBehalfOf,
            at: event.meta.at,
          },
          withdrawable: { by: who, kind: 'submit' },
        })),
      };
    }),
    returnByHandler: update(({ context, event }) => {
      const target = senderHandling(context.handling, event)[0]!;
      return {
        handling: replaceDept(context.handling, target.id, (d) =>
          d.handlers.length > 1
            ? { handlers: d.handlers.slice(0, -1), withdrawable: null }
            : { status: 'assigning', handlers: [], withdrawable: null },
        ),
      };
    }),
    confirm: update(({ context, event }) => {
      const who = principalOf(event.meta);
      const target = handlingTargets(context.handling, event).find(
        (d) => d.status === 'confirming' && headMay(d, who),
      )!;
      return {
        handling: replaceDept(context.handling, target.id, () => ({
          status: 'done',
          head: who,
          withdrawable: null,
          confirmedAt: event.meta.at,
        })),
      };
    }),
    sendBack: update(({ context, event }) => {
      const who = principalOf(event.meta);
      const target = handlingTargets(context.handling, event).find(
        (d) => d.status === 'confirming' && headMay(d, who),
      )!;
      return {
        handling: replaceDept(context.handling, target.id, (d) => ({
          status: 'handling',
          head: who,
          result: null,
          withdrawable: null,
          sentBack: d.sentBack + 1,
        })),
      };
    }),
    withdrawInDepartment: update(({ context, event }) => {
      const who = principalOf(event.meta);
      const target = deptOf(context.handling, ev(event)).find((d) => d.withdrawable?.by === who)!;
      const kind = target.withdrawable!.kind;
      return {
        handling: replaceDept(context.handling, target.id, (d) =>
          kind === 'assign'
            ? { status: 'assigning', handlers: [], withdrawable: null }
            : kind === 'handDown'
              ? { handlers: d.handlers.slice(0, -1), withdrawable: null }
              : { status: 'handling', result: null, withdrawable: null },
        ),
      };
    }),
    pickReaders: update(({ context, event }) => {
      if (event.type !== 'PICK_READERS') return {};
      const who = principalOf(event.meta);
      const target = pickTargets(context.circulation, event).find(
        (d) => d.pickedAt === null && headMay(d, who),
      )!;
      const readers: Record<string, string | null> = { [who]: event.meta.at };
      for (const r of event.readers) if (r !== who) readers[r] = null;
      const known = new Set(context.circulation.map((d) => d.id));
      const forwarded = event.forwardTo
        .filter((id) => !known.has(id))
        .map((id) => ({ id, from: target.id, head: null, pickedAt: null, readers: {} }));
      return {
        circulation: [
          ...context.circulation.map((d) =>
            d.id === target.id ? { ...d, head: who, pickedAt: event.meta.at, readers } : d,
          ),
          ...forwarded,
        ],
      };
    }),
    markRead: update(({ context, event }) => {
      const who = principalOf(event.meta);
      const target = readTargets(context.circulation, event).find((d) => d.readers[who] === null)!;
      return {
        circulation: context.circulation.map((d) =>
          d.id === target.id ? { ...d, readers: { ...d.readers, [who]: event.meta.at } } : d,
        ),
      };
    }),
    recordReminder: update(({ context, event }) => ({
      reminders: [
        ...context.reminders,
        {
          at: event.meta.at,
          by: event.type === 'DEADLINE_REMIND' ? TIMER_ACTOR : event.meta.actorId,
          note: event.type === 'REMIND' ? (event.note ?? null) : null,
        },
      ],
    })),
    notifyReminder: emit(({ context, event }) => ({
      type: 'notify' as const,
      to: reminderRecipients(context),
      title: `催办：${context.registration.title}`,
      body:
        event.type === 'REMIND' && event.note
          ? event.note
          : `${context.serialNo ?? ''}《${context.registration.title}》办理时限为${context.proposal ? formatDateZh(context.proposal.deadlineAt, { timeZone }) : ''}，请抓紧办理。`,
      channel: 'inApp' as const,
    })),
    scheduleDeadlineRemind: enqueue(({ context, event, enqueue }) => {
      enqueue.cancel(DEADLINE_REMIND_ID);
      const p = context.proposal;
      if (!p?.supervise) return;
      const delay = Math.max(0, Date.parse(p.deadlineAt) - Date.parse(event.meta.at));
      enqueue.raise({ type: 'DEADLINE_REMIND' } as IncomingEvent, {
        id: DEADLINE_REMIND_ID,
        delay,
      });
    }),
    scheduleNextRemind: enqueue(({ context, event, enqueue }) => {
      const days = context.proposal?.remindIntervalWorkingDays ?? intervalDays;
      const now = new Date(event.meta.at);
      const delay = calendar.addWorkingDays(now, days).getTime() - now.getTime();
      enqueue.raise({ type: 'DEADLINE_REMIND' } as IncomingEvent, {
        id: DEADLINE_REMIND_ID,
        delay,
      });
    }),
    markCompleted: update(({ event }) => ({ completedAt: event.meta.at })),
    recordArchive: update(({ event }) => ({
      archivedAt: event.meta.at,
      archivedBy: principalOf(event.meta),
    })),
  };
}
