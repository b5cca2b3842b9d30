import { formatDateZh } from '../../util/format-date-zh.ts';
import type { EventMeta } from '../../workflow/definition.ts';
import { TIMER_ACTOR } from '../../workflow/machine-helpers.ts';
import { principalOf, str } from '../shared/event-payload.ts';
import { actionBuilders } from '../shared/machine-actions.ts';
import {
  DEADLINE_NEAR_ID,
  DEADLINE_PASSED_ID,
  type Meta,
  type PetitionContext,
  type PetitionEvent,
  type PetitionNotify,
  type PetitionReview,
  type ReviewRequest,
  WINDOW_CLOSED_ID,
} from './context.ts';
import { nowOf, pendingExtension } from './context-queries.ts';
import { extendDeadline, PETITION_PERIODS, REMIND_DAYS_BEFORE } from './deadlines.ts';
import type { PetitionMachineSupport } from './machine-support.ts';

const { update, emit, enqueue } = actionBuilders<PetitionContext, PetitionEvent, PetitionNotify>();

/** The actions of the 信访 machine. */
export function createPetitionActions(support: PetitionMachineSupport) {
  const {
    roll,
    interval,
    timeZone,
    today,
    deadline,
    recipients,
    stageNow,
    dueOf,
    review,
    calendar,
  } = support;
  return {
    recordAccept: update(({ event }) => {
      const on = today(event.meta);
      return {
        decision: {
          kind: 'accepted' as const,
          by: principalOf(event.meta),
          at: event.meta.at,
          on,
          reason: str(event, 'note') || null,
          toUnit: null,
          notice: null,
        },
        handleBy: deadline(on, PETITION_PERIODS.handle.days),
      };
    }),
    recordDecline: update(({ event }) => ({
      decision: {
        kind: 'declined' as const,
        by: principalOf(event.meta),
        at: event.meta.at,
        on: today(event.meta),
        reason: str(event, 'reason'),
        toUnit: null,
        notice: { issuedOn: str(event, 'noticeIssuedOn'), method: str(event, 'noticeMethod') },
      },
      outcome: 'declined' as const,
      concludedAt: event.meta.at,
    })),
    recordTransfer: update(({ event }) => ({
      decision: {
        kind: 'transferred' as const,
        by: principalOf(event.meta),
        at: event.meta.at,
        on: today(event.meta),
        reason: str(event, 'reason') || null,
        toUnit: str(event, 'toUnit'),
        notice: { issuedOn: str(event, 'noticeIssuedOn'), method: str(event, 'noticeMethod') },
      },
      outcome: 'transferred' as const,
      concludedAt: event.meta.at,
    })),
    assignDepartment: update(({ event }) => {
      if (event.type !== 'ASSIGN') return {};
      return {
        department: {
          id: event.departmentId,
          assignedBy: principalOf(event.meta),
          assignedAt: event.meta.at,
          disclosePetitioner: event.disclosePetitioner,
          note: event.note ?? null,
          step: 0,
          head: null,
          handler: null,
        },
      };
    }),
    assignHandler: update(({ context, event }) => ({
      department: {
        ...context.department!,
        step: context.department!.step + 1,
        head: principalOf(event.meta),
        handler: str(event, 'handlerId'),
      },
    })),
    requestExtension: update(({ context, event }) => {
      if (event.type !== 'REQUEST_EXTENSION') return {};
      return {
        extensions: [
          ...context.extensions,
          {
            days: event.days,
            reason: event.reason,
            requestedBy: principalOf(event.meta),
            requestedAt: event.meta.at,
            status: 'pending' as const,
            decidedBy: null,
            decidedAt: null,
            decisionNote: null,
            notice: null,
          },
        ],
      };
    }),
    approveExtension: update(({ context, event }) => {
      const ext = pendingExtension(context)!;
      return {
        extensions: [
          ...context.extensions.slice(0, -1),
          {
            ...ext,
            status: 'approved' as const,
            decidedBy: principalOf(event.meta),
            decidedAt: event.meta.at,
            decisionNote: str(event, 'opinion') || null,
            notice: {
              issuedOn: str(event, 'noticeIssuedOn'),
              method: str(event, 'noticeMethod'),
            },
          },
        ],
        handleBy: extendDeadline(calendar, context.handleBy!, ext.days, roll),
      };
    }),
    denyExtension: update(({ context, event }) => ({
      extensions: [
        ...context.extensions.slice(0, -1),
        {
          ...pendingExtension(context)!,
          status: 'denied' as const,
          decidedBy: principalOf(event.meta),
          decidedAt: event.meta.at,
          decisionNote: str(event, 'reason'),
        },
      ],
    })),
    submitReply: update(({ context, event }) => {
      if (event.type !== 'SUBMIT_REPLY') return {};
      return {
        reply: {
          opinion: event.opinion,
          findings: event.findings ?? null,
          attachments: event.attachments,
          draftedBy: principalOf(event.meta),
          draftedAt: event.meta.at,
          approvedBy: null,
          approvedAt: null,
          deliveredOn: null,
          method: null,
        },
        department: { ...context.department!, step: context.department!.step + 1 },
      };
    }),
    returnReply: update(({ context }) => ({
      reply: null,
      returns: context.returns + 1,
      department: { ...context.department!, step: context.department!.step + 1 },
    })),
    approveReply: update(({ context, event }) => {
      const deliveredOn = str(event, 'deliveredOn');
      return {
        reply: {
          ...context.reply!,
          approvedBy: principalOf(event.meta),
          approvedAt: event.meta.at,
          deliveredOn,
          method: str(event, 'method'),
        },
        department: {
          ...context.department!,
          head: context.department!.head ?? principalOf(event.meta),
        },
      };
    }),
    recordSatisfaction: update(({ event }) => {
      if (event.type !== 'RECORD_SATISFACTION') return {};
      return {
        satisfaction: {
          rating: event.rating,
          note: event.note ?? null,
          by: principalOf(event.meta),
          at: event.meta.at,
        },
      };
    }),
    openReviewWindow: update(({ context }) => ({
      appealBy: deadline(context.reply!.deliveredOn!, PETITION_PERIODS.askReview.days),
    })),
    requestReview: update(({ event }) => ({
      review: review(event as ReviewRequest & Meta, PETITION_PERIODS.review.days),
      appealBy: null,
    })),
    giveReviewOpinion: update(({ context, event }) => {
      const deliveredOn = str(event, 'deliveredOn');
      return {
        review: {
          ...context.review!,
          outcome: str(event, 'outcome') as PetitionReview['outcome'],
          opinion: str(event, 'opinion'),
          decidedAt: event.meta.at,
          deliveredOn,
        },
        appealBy: deadline(deliveredOn, PETITION_PERIODS.askRecheck.days),
      };
    }),
    requestRecheck: update(({ event }) => ({
      recheck: review(event as ReviewRequest & Meta, PETITION_PERIODS.recheck.days),
      appealBy: null,
    })),
    giveRecheckOpinion: update(({ context, event }) => ({
      recheck: {
        ...context.recheck!,
        outcome: str(event, 'outcome') as PetitionReview['outcome'],
        opinion: str(event, 'opinion'),
        decidedAt: event.meta.at,
        deliveredOn: str(event, 'deliveredOn'),
      },
      outcome: 'terminated' as const,
      concludedAt: event.meta.at,
    })),
    concludeAnswered: update(({ event }) => ({
      outcome: 'answered' as const,
      concludedAt: event.meta.at,
    })),
    concludeClosed: update(({ context, event }) => ({
      outcome: context.review ? ('reviewed' as const) : ('answered' as const),
      concludedAt: event.meta.at,
      closeReason: event.type === 'CLOSE' ? event.reason : '信访人未在规定期限内请求复查（复核）',
      appealBy: null,
    })),
    recordArchive: update(({ event }) => ({
      archivedAt: event.meta.at,
      archivedBy: principalOf(event.meta),
      archiveCode: str(event, 'archiveCode') || null,
    })),
    recordReminder: update(({ context, event }) => {
      const stage = stageNow(context);
      const kind =
        event.type === 'DEADLINE_NEAR'
          ? ('near' as const)
          : event.type === 'DEADLINE_PASSED'
            ? ('overdue' as const)
            : ('manual' as const);
      const due = dueOf(context, stage);
      return {
        reminders: [
          ...context.reminders,
          {
            at: event.meta.at,
            by: kind === 'manual' ? principalOf(event.meta) : TIMER_ACTOR,
            stage,
            kind,
            note: str(event, 'note') || null,
          },
        ],
        overdue:
          kind === 'overdue' &&
          stage !== null &&
          due !== null &&
          !context.overdue.some((o) => o.stage === stage && o.dueAt === due.at)
            ? [...context.overdue, { stage, dueAt: due.at, at: event.meta.at }]
            : context.overdue,
      };
    }),
    notifyReminder: emit(({ context, event }) => {
      const stage = stageNow(context);
      const due = dueOf(context, stage);
      const what = context.serialNo ?? '信访事项';
      const when = due ? formatDateZh(due.at, { timeZone }) : '';
      return {
        type: 'notify' as const,
        to: recipients(context, stage),
        title:
          event.type === 'DEADLINE_NEAR'
            ? `临期提醒：${what}`
            : event.type === 'DEADLINE_PASSED'
              ? `超期督办：${what}`
              : `催办：${what}`,
        body:
          event.type === 'REMIND' && event.note
            ? event.note
            : event.type === 'DEADLINE_PASSED'
              ? `${what}已超过办理期限（${when}），请立即办理并说明原因。`
              : `${what}办理期限为${when}，请抓紧办理。`,
        channel: 'inApp' as const,
      };
    }),
    /** Cancels and sets the two deadline timers of the stage the case is in now. */
    scheduleDeadline: enqueue(({ context, event, enqueue }) => {
      enqueue.cancel(DEADLINE_NEAR_ID);
      enqueue.cancel(DEADLINE_PASSED_ID);
      const due = dueOf(context, stageNow(context));
      if (!due) return;
      const now = Date.parse(nowOf(context, event as { meta?: EventMeta }));
      const dueMs = Date.parse(due.at);
      const near = dueMs - REMIND_DAYS_BEFORE * 86_400_000;
      if (near > now)
        enqueue.raise({ type: 'DEADLINE_NEAR' } as PetitionEvent, {
          id: DEADLINE_NEAR_ID,
          delay: near - now,
        });
      enqueue.raise({ type: 'DEADLINE_PASSED' } as PetitionEvent, {
        id: DEADLINE_PASSED_ID,
        delay: Math.max(0, dueMs - now),
      });
    }),
    scheduleNextOverdue: enqueue(({ event, enqueue }) => {
      const now = new Date(event.meta.at);
      const delay = calendar.addWorkingDays(now, interval).getTime() - now.getTime();
      enqueue.raise({ type: 'DEADLINE_PASSED' } as PetitionEvent, {
        id: DEADLINE_PASSED_ID,
        delay,
      });
    }),
    scheduleWindow: enqueue(({ context, event, enqueue }) => {
      enqueue.cancel(WINDOW_CLOSED_ID);
      if (!context.appealBy) return;
      const now = Date.parse(event.meta.at);
      enqueue.raise({ type: 'WINDOW_CLOSED' } as PetitionEvent, {
        id: WINDOW_CLOSED_ID,
        delay: Math.max(0, Date.parse(context.appealBy.at) - now),
      });
    }),
    notifyAssigned: emit(({ context }) => ({
      type: 'notify' as const,
      to: [context.registeredBy],
      title: `信访事项已交办：${context.serialNo ?? ''}`,
      body: `${context.serialNo ?? '信访事项'}已交办，办理期限为${context.handleBy ? formatDateZh(context.handleBy.at, { timeZone }) : ''}。`,
      channel: 'inApp' as const,
    })),
  };
}
