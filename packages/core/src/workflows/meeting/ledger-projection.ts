import type { CaseRecord, LedgerRecord } from '../../ports/store.ts';
import type { MeetingContext } from './context.ts';

/** Who did a step, when, with what opinion. */
export interface MeetingStepEntry {
  by: string;
  actorId: string;
  onBehalfOf: string | null;
  opinion: string | null;
  at: Date;
}

/** The 流程台帐 row of a 会议 case. */
export interface MeetingLedgerRow {
  title: string;
  type: string;
  organiser: string;
  /** 申请时间 */
  plannedAt: Date;
  start: string;
  end: string;
  roomId: string | null;
  /** 议题: per department, how many topics and when. */
  topics: Array<{ departmentId: string; count: number; at: Date; by: string }>;
  agenda: string[];
  /** 送审 */
  submissions: MeetingStepEntry[];
  /** 审批: approved, returned or rejected. */
  decisions: Array<MeetingStepEntry & { decision: 'approved' | 'returned' | 'rejected' }>;
  /** 回执 */
  replies: Array<
    MeetingStepEntry & { answer: string; departmentId: string | null; deputyId: string | null }
  >;
  /** 回执催办次数 (automatic and by the organiser). */
  replyReminderCount: number;
  signedIn: number;
  /** 会议记录 versions and 校对 */
  minutesDrafts: MeetingStepEntry[];
  minutesReturns: MeetingStepEntry[];
  minutesApproved: MeetingStepEntry | null;
  archived: MeetingStepEntry | null;
  resolutions: Array<{
    id: string;
    title: string;
    ownerDepartmentId: string;
    deadlineAt: string;
    status: string;
    completedAt: string | null;
  }>;
  outcome: MeetingContext['outcome'];
  finishedAt: Date | null;
}

const DECISIONS = { APPROVE: 'approved', RETURN: 'returned', REJECT: 'rejected' } as const;

/** Projects a 会议 case's ledger (and its context for the resolutions) into its 流程台帐 row. */
export function projectMeetingLedger(
  caseRecord: Pick<CaseRecord, 'snapshot' | 'createdAt'>,
  ledger: readonly LedgerRecord[],
): MeetingLedgerRow {
  const ctx = (caseRecord.snapshot as { context: MeetingContext }).context;
  const step = (e: LedgerRecord): MeetingStepEntry => ({
    by: e.onBehalfOf ?? e.actorId,
    actorId: e.actorId,
    onBehalfOf: e.onBehalfOf,
    opinion: e.opinion,
    at: e.at,
  });
  const row: MeetingLedgerRow = {
    title: ctx.plan.title,
    type: ctx.plan.type,
    organiser: ctx.organiser,
    plannedAt: caseRecord.createdAt,
    start: ctx.plan.start,
    end: ctx.plan.end,
    roomId: ctx.booking?.roomId ?? null,
    topics: [],
    agenda: ctx.agenda ?? [],
    submissions: [],
    decisions: [],
    replies: [],
    replyReminderCount: 0,
    signedIn: Object.keys(ctx.attendance).length,
    minutesDrafts: [],
    minutesReturns: [],
    minutesApproved: null,
    archived: null,
    resolutions: ctx.resolutions.map((r) => ({
      id: r.id,
      title: r.title,
      ownerDepartmentId: r.ownerDepartmentId,
      deadlineAt: r.deadlineAt,
      status: r.status,
      completedAt: r.completedAt,
    })),
    outcome: ctx.outcome,
    finishedAt: ctx.finishedAt ? new Date(ctx.finishedAt) : null,
  };
  for (const e of ledger) {
    const f = e.fields;
    if (e.event === 'SUBMIT_TOPICS')
      row.topics.push({
        departmentId: String(f.departmentId),
        count: Array.isArray(f.topics) ? f.topics.length : 0,
        at: e.at,
        by: e.onBehalfOf ?? e.actorId,
      });
    else if (e.event === 'SUBMIT_PLAN') row.submissions.push(step(e));
    else if (e.event in DECISIONS && e.fromState === 'approving')
      row.decisions.push({ ...step(e), decision: DECISIONS[e.event as keyof typeof DECISIONS] });
    else if (e.event === 'REPLY')
      row.replies.push({
        ...step(e),
        answer: String(f.answer),
        departmentId: typeof f.departmentId === 'string' ? f.departmentId : null,
        deputyId: typeof f.deputyId === 'string' ? f.deputyId : null,
      });
    else if (e.event === 'REPLY_REMIND' || e.event === 'REMIND_REPLIES') row.replyReminderCount++;
    else if (e.event === 'DRAFT_MINUTES') row.minutesDrafts.push(step(e));
    else if (e.event === 'RETURN_MINUTES') row.minutesReturns.push(step(e));
    else if (e.event === 'APPROVE_MINUTES') row.minutesApproved = step(e);
    else if (e.event === 'ARCHIVE') row.archived = step(e);
  }
  return row;
}
