import { DEFAULT_TIME_ZONE, formatDateZh } from '../../util/format-date-zh.ts';
import type { DraftResolution, MeetingContext, MeetingMachineOptions } from './context.ts';

/** What the 会议 machine's guards and actions share: its options resolved and the helpers over them. */
export function meetingMachineSupport(options: MeetingMachineOptions) {
  const { calendar } = options;
  const intervalDays = options.remindIntervalWorkingDays ?? 1;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  /** The wall-clock text of an instant in notices: 12月1日 09:00. */
  const when = (iso: string) => formatDateZh(iso, { style: 'monthDayTime', timeZone });

  /** The end of a resolution's deadline: N working days from `at`, or the end of a date. */
  const deadlineOf = (r: DraftResolution, at: string): string =>
    r.deadline !== undefined
      ? calendar.addWorkingDays(new Date(`${r.deadline}T12:00:00+08:00`), 0).toISOString()
      : calendar.addWorkingDays(new Date(at), r.deadlineWorkingDays ?? 0).toISOString();

  const meetingLine = (ctx: MeetingContext) =>
    `《${ctx.plan.title}》定于${when(ctx.plan.start)}召开`;
  return { intervalDays, timeZone, when, deadlineOf, meetingLine, calendar };
}

/** The shared helpers of the 会议 machine. */
export type MeetingMachineSupport = ReturnType<typeof meetingMachineSupport>;
