import type { TaskSpec } from '../../workflow/definition.ts';
import type { MonthlyReportContext } from './machine.ts';
import { archiveTaskKey, drafterTaskKey, registerTaskKey } from './task-keys.ts';

/** The role of the office staff who register and file monthly reports (办公室/秘书). */
export const MONTHLY_REPORT_REGISTRAR_ROLE = 'secretary';

/** The tasks (待办) a 工作月报 case asks for in a state. */
export function monthlyReportTasks(state: string, ctx: MonthlyReportContext): TaskSpec[] {
  const office = { role: MONTHLY_REPORT_REGISTRAR_ROLE };
  switch (state) {
    case 'drafting':
      return [
        {
          key: drafterTaskKey(0),
          kind: 'act',
          label: '拟稿报送',
          assignees: { user: ctx.author },
          events: ['SUBMIT'],
        },
      ];
    case 'returned':
      return [
        {
          key: drafterTaskKey(ctx.round),
          kind: 'act',
          label: '修改后重新报送（被退回）',
          assignees: { user: ctx.author },
          events: ['RESUBMIT'],
        },
      ];
    case 'submitted':
      return [
        {
          key: registerTaskKey(ctx.round),
          kind: 'act',
          label: '登记',
          assignees: office,
          events: ['REGISTER', 'RETURN'],
        },
      ];
    case 'registered':
      return [
        {
          key: archiveTaskKey(),
          kind: 'act',
          label: '归档',
          assignees: office,
          events: ['ARCHIVE'],
        },
      ];
    default:
      return [];
  }
}
