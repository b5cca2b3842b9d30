import { DEFAULT_TIME_ZONE } from '../../util/format-date-zh.ts';
import type { EventMeta } from '../../workflow/definition.ts';
import { principalOf } from '../shared/event-payload.ts';
import type {
  Meta,
  PetitionContext,
  PetitionMachineOptions,
  PetitionReview,
  PetitionStage,
  ReviewRequest,
} from './context.ts';
import { calendarDayDeadline, type PetitionDeadline } from './deadlines.ts';

/** What the 信访 machine's guards and actions share: its options resolved and the helpers over them. */
export function petitionMachineSupport(options: PetitionMachineOptions) {
  const { calendar } = options;
  const prefix = options.serialPrefix ?? '信';
  const roll = { rollOverHolidays: options.rollOverHolidays ?? true };
  const interval = options.overdueRemindWorkingDays ?? 1;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const today = (meta: EventMeta) => calendar.dateOf(new Date(meta.at));
  const deadline = (from: string, days: number) => calendarDayDeadline(calendar, from, days, roll);

  /** A date the office records: not in the future, not before `earliest`. */
  const dateOk = (day: string, meta: EventMeta, earliest: string | null) =>
    day <= today(meta) && (earliest === null || day >= earliest);

  const recipients = (ctx: PetitionContext, state: PetitionStage | null): string[] => {
    const out = [ctx.registeredBy];
    if (state === 'handle') {
      if (ctx.department?.handler) out.push(ctx.department.handler);
      if (ctx.department?.head) out.push(ctx.department.head);
    }
    if (state === 'review' && ctx.review) out.push(ctx.review.reviewerId);
    if (state === 'recheck' && ctx.recheck) out.push(ctx.recheck.reviewerId);
    return [...new Set(out)];
  };

  const stageNow = (ctx: PetitionContext): PetitionStage | null => {
    if (ctx.recheck && ctx.recheck.outcome === null) return 'recheck';
    if (ctx.review && ctx.review.outcome === null) return 'review';
    if (ctx.decision?.kind === 'accepted' && !ctx.reply?.approvedAt) return 'handle';
    if (ctx.decision === null) return 'decide';
    return null;
  };
  const dueOf = (ctx: PetitionContext, stage: PetitionStage | null): PetitionDeadline | null =>
    stage === 'decide'
      ? ctx.decideBy
      : stage === 'handle'
        ? ctx.handleBy
        : stage === 'review'
          ? (ctx.review?.dueBy ?? null)
          : stage === 'recheck'
            ? (ctx.recheck?.dueBy ?? null)
            : null;

  const review = (e: ReviewRequest & Meta, days: number): PetitionReview => ({
    requestedOn: e.requestedOn,
    reviewBody: e.reviewBody,
    reviewerId: e.reviewerId,
    reason: e.reason ?? null,
    recordedBy: principalOf(e.meta),
    dueBy: deadline(e.requestedOn, days),
    outcome: null,
    opinion: null,
    decidedAt: null,
    deliveredOn: null,
  });
  return {
    prefix,
    roll,
    interval,
    timeZone,
    today,
    deadline,
    dateOk,
    recipients,
    stageNow,
    dueOf,
    review,
    calendar,
  };
}

/** The shared helpers of the 信访 machine. */
export type PetitionMachineSupport = ReturnType<typeof petitionMachineSupport>;
