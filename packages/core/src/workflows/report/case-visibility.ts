import { seeAll, seeNothing, type VisibilityRule } from '../../workflow/visibility.ts';
import type { ReportContext } from './machine.ts';

/**
 * Whether a user takes part in a report: its author, an approver it names (now or in an earlier
 * round), or whoever decided on it (a deputy acting for an approver).
 */
export function takesPartInReport(userId: string, ctx: ReportContext): boolean {
  return (
    ctx.author === userId ||
    ctx.approvers.includes(userId) ||
    ctx.decisions.some((d) => d.approver === userId || d.actorId === userId)
  );
}

/**
 * Who sees a 报告 case (`engine.view`): the whole of it for those who take part in it
 * (`takesPartInReport`) and for whoever holds one of its open tasks, themselves or for a
 * principal they deputise for; nothing for others.
 */
export const reportVisibility: VisibilityRule = async (args) => {
  const ctx = (args.caseRecord.snapshot as { context: ReportContext }).context;
  const people = new Set([args.viewerId, ...args.actingFor]);
  const holdsTask = args.tasks.some(
    (t) => t.doneAt === null && t.candidates.some((c) => people.has(c)),
  );
  return takesPartInReport(args.viewerId, ctx) || holdsTask ? seeAll(args) : seeNothing();
};
