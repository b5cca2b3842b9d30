import { DEFAULT_TIME_ZONE } from '../../util/format-date-zh.ts';
import type { EffectiveProposal, IncomingContext, IncomingMachineOptions } from './context.ts';
import { currentHandler } from './context-queries.ts';
import type { Proposal } from './fields.ts';

/** What the 收文 machine's guards and actions share: its options resolved and the helpers over them. */
export function incomingMachineSupport(options: IncomingMachineOptions) {
  const { calendar } = options;
  const defaultDays = options.defaultDeadlineWorkingDays ?? 7;
  const intervalDays = options.remindIntervalWorkingDays ?? 1;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;

  const effective = (p: Proposal, at: string): EffectiveProposal => {
    let deadlineAt: string;
    if (p.deadline === undefined)
      deadlineAt = calendar.addWorkingDays(new Date(at), defaultDays).toISOString();
    else if (/^\d{4}-\d{2}-\d{2}$/.test(p.deadline))
      deadlineAt = calendar.addWorkingDays(new Date(`${p.deadline}T12:00:00Z`), 0).toISOString();
    else deadlineAt = new Date(p.deadline).toISOString();
    return {
      ...p,
      deadlineAt,
      remindIntervalWorkingDays: p.remindEveryWorkingDays ?? intervalDays,
    };
  };

  const reminderRecipients = (ctx: IncomingContext): string[] => {
    const handlers = ctx.handling
      .filter((d) => d.status === 'handling')
      .map(currentHandler)
      .filter((h): h is string => h !== null);
    return [...new Set([...(ctx.proposedBy ? [ctx.proposedBy] : []), ...handlers])];
  };
  return { defaultDays, intervalDays, timeZone, effective, reminderRecipients, calendar };
}

/** The shared helpers of the 收文 machine. */
export type IncomingMachineSupport = ReturnType<typeof incomingMachineSupport>;
