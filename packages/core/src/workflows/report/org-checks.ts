import type { Directory } from '../../directory/directory.ts';
import { ValidationFailed } from '../../errors.ts';
import type { EventSpec } from '../../workflow/definition.ts';
import type { ReportContext } from './machine.ts';

/**
 * The rules of 送审 that need the organisation: every approver is an active user of the
 * case's unit and not the author, and `restartFrom` names one of the approvers. Returns the
 * problems in Chinese (empty when none).
 */
export async function checkReportApprovers(args: {
  directory: Directory;
  unitId: string;
  authorId: string;
  approvers: readonly string[];
  restartFrom?: string | undefined;
}): Promise<string[]> {
  const problems: string[] = [];
  if (args.approvers.length === 0) problems.push('请选择审批人');
  const found = await args.directory.getUsers(args.approvers);
  const ok = new Set(found.filter((u) => u.active && u.unitId === args.unitId).map((u) => u.id));
  const bad = args.approvers.filter((a) => !ok.has(a));
  if (bad.length > 0) problems.push(`审批人须为本单位在职人员：${bad.join('、')}`);
  if (args.approvers.includes(args.authorId)) problems.push('拟稿人不能审批自己的报告');
  if (args.restartFrom !== undefined && !args.approvers.includes(args.restartFrom))
    problems.push(`重新审批的起点须为审批人之一：${args.restartFrom}`);
  return problems;
}

/** The `check` of SUBMIT and RESUBMIT: runs `checkReportApprovers` inside the transition. */
export const reportSubmitCheck: NonNullable<EventSpec['check']> = async ({
  payload,
  context,
  facts,
  directory,
}) => {
  const ctx = context as ReportContext;
  const approvers = Array.isArray(payload.approvers)
    ? (payload.approvers as string[])
    : ctx.approvers;
  const problems = await checkReportApprovers({
    directory,
    unitId: facts.unitId,
    authorId: ctx.author,
    approvers,
    restartFrom: typeof payload.restartFrom === 'string' ? payload.restartFrom : undefined,
  });
  if (problems.length > 0) {
    throw new ValidationFailed(problems.join('；'), {
      issues: problems.map((message) => ({ path: ['approvers'], message })),
    });
  }
};
