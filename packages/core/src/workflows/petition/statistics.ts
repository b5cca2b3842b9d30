import type { PetitionContext } from './context.ts';

/** 信访统计 over a set of cases. */
export interface PetitionStatistics {
  total: number;
  letters: number;
  visits: number;
  /** 集体访 (5 people or more) */
  collectiveVisits: number;
  byCategory: Record<string, number>;
  /** By 问题属地 */
  byLocality: Record<string, number>;
  /** By the department the matter was given to (交办) */
  byDepartment: Record<string, number>;
  byOutcome: Record<string, number>;
  accepted: number;
  declined: number;
  transferred: number;
  /** Cases answered (答复送达) */
  answered: number;
  /** Answered on or before the (extended) 60-day deadline */
  answeredOnTime: number;
  /** 按期办结率: answeredOnTime / answered (null when none answered) */
  onTimeRate: number | null;
  rated: number;
  satisfied: number;
  /** 满意率: (满意 + 基本满意) / rated (null when none rated) */
  satisfactionRate: number | null;
  /** Cases registered as 重复信访 */
  repeat: number;
  reviewRequested: number;
  recheckRequested: number;
  /** Cases whose deadline passed in some stage (督办) */
  overdue: number;
}

const inc = (m: Record<string, number>, k: string) => {
  m[k] = (m[k] ?? 0) + 1;
};

/**
 * 信访统计 (pure) from the cases' contexts: counts by 类别, 属地 and department, 按期办结率
 * (the reply reached the petitioner by the last day of the 60 days plus any approved 延期),
 * 满意率 ((满意+基本满意)/评价数) and 重复信访. Pass `CaseRecord.snapshot.context` of each case.
 */
export function petitionStatistics(cases: readonly PetitionContext[]): PetitionStatistics {
  const s: PetitionStatistics = {
    total: 0,
    letters: 0,
    visits: 0,
    collectiveVisits: 0,
    byCategory: {},
    byLocality: {},
    byDepartment: {},
    byOutcome: {},
    accepted: 0,
    declined: 0,
    transferred: 0,
    answered: 0,
    answeredOnTime: 0,
    onTimeRate: null,
    rated: 0,
    satisfied: 0,
    satisfactionRate: null,
    repeat: 0,
    reviewRequested: 0,
    recheckRequested: 0,
    overdue: 0,
  };
  for (const c of cases) {
    const r = c.registration;
    s.total++;
    if (r.channel === 'letter') s.letters++;
    else {
      s.visits++;
      if (r.headcount >= 5) s.collectiveVisits++;
    }
    inc(s.byCategory, r.category);
    inc(s.byLocality, r.locality);
    if (c.department) inc(s.byDepartment, c.department.id);
    if (c.outcome) inc(s.byOutcome, c.outcome);
    if (c.decision?.kind === 'accepted') s.accepted++;
    if (c.decision?.kind === 'declined') s.declined++;
    if (c.decision?.kind === 'transferred') s.transferred++;
    if (c.reply?.deliveredOn) {
      s.answered++;
      if (c.handleBy && c.reply.deliveredOn <= c.handleBy.date) s.answeredOnTime++;
    }
    if (c.satisfaction) {
      s.rated++;
      if (c.satisfaction.rating !== '不满意') s.satisfied++;
    }
    if (r.repeatOf.length > 0) s.repeat++;
    if (c.review) s.reviewRequested++;
    if (c.recheck) s.recheckRequested++;
    if (c.overdue.length > 0) s.overdue++;
  }
  s.onTimeRate = s.answered === 0 ? null : s.answeredOnTime / s.answered;
  s.satisfactionRate = s.rated === 0 ? null : s.satisfied / s.rated;
  return s;
}
