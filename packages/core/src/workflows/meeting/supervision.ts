import type { CaseRecord, Store } from '../../ports/store.ts';
import type { MeetingContext } from './context.ts';
import { MEETING_WORKFLOW } from './definition.ts';

/** One 决议事项 in the 督办 list. */
export interface SupervisionItem {
  caseId: string;
  meetingTitle: string;
  meetingStart: string;
  resolutionId: string;
  title: string;
  ownerDepartmentId: string;
  deadlineAt: string;
  status: 'open' | 'overdue' | 'completed';
  /** 催办次数 */
  reminderCount: number;
  lastProgress: { note: string; by: string; at: string } | null;
  result: string | null;
  completedAt: string | null;
  /** Completed after its deadline. */
  completedLate: boolean;
}

/** Every meeting case of a unit (all pages). */
export async function listMeetingCases(
  store: Store,
  unitId: string,
  range?: { from: Date; to: Date },
) {
  const out: CaseRecord[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await store.listCases({
      unitId,
      workflow: MEETING_WORKFLOW,
      ...(range && { createdFrom: range.from, createdTo: range.to }),
      limit: 200,
      offset,
    });
    out.push(...page.items);
    if (page.items.length < 200) break;
  }
  return out;
}

/**
 * 决议事项督办: the resolutions of every meeting of a unit with their status at `now` —
 * open, overdue (open past the deadline) or completed — optionally filtered by status or
 * owner department; overdue first, then by deadline.
 */
export async function meetingSupervision(args: {
  store: Store;
  unitId: string;
  now: Date;
  status?: SupervisionItem['status'];
  ownerDepartmentId?: string;
}): Promise<SupervisionItem[]> {
  const items: SupervisionItem[] = [];
  for (const c of await listMeetingCases(args.store, args.unitId)) {
    const ctx = (c.snapshot as { context: MeetingContext }).context;
    for (const r of ctx.resolutions) {
      const overdue = r.status === 'open' && Date.parse(r.deadlineAt) < args.now.getTime();
      items.push({
        caseId: c.id,
        meetingTitle: ctx.plan.title,
        meetingStart: ctx.plan.start,
        resolutionId: r.id,
        title: r.title,
        ownerDepartmentId: r.ownerDepartmentId,
        deadlineAt: r.deadlineAt,
        status: r.status === 'completed' ? 'completed' : overdue ? 'overdue' : 'open',
        reminderCount: r.reminders.length,
        lastProgress: r.progress.at(-1) ?? null,
        result: r.result,
        completedAt: r.completedAt,
        completedLate:
          r.completedAt !== null && Date.parse(r.completedAt) > Date.parse(r.deadlineAt),
      });
    }
  }
  const rank = { overdue: 0, open: 1, completed: 2 } as const;
  return items
    .filter(
      (i) =>
        (args.status === undefined || i.status === args.status) &&
        (args.ownerDepartmentId === undefined || i.ownerDepartmentId === args.ownerDepartmentId),
    )
    .sort(
      (a, b) =>
        rank[a.status] - rank[b.status] || Date.parse(a.deadlineAt) - Date.parse(b.deadlineAt),
    );
}
