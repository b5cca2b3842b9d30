import { NotPermitted } from '../../errors.ts';
import { stateToString } from '../../util/state-value.ts';
import { defineWorkflow, type LedgerProjection } from '../../workflow/definition.ts';
import { MONTHLY_REPORT_EVENTS, MONTHLY_REPORT_STATE_LABELS } from './events.ts';
import { ZMonthlyReportDraft } from './fields.ts';
import { createMonthlyReportMachine, type MonthlyReportContext, monthLabel } from './machine.ts';
import { monthlyReportTasks } from './steps.ts';
import { monthlyReportVisibility } from './visibility.ts';

/** The registry name of the 工作月报 workflow. */
export const MONTHLY_REPORT_WORKFLOW = 'monthly-report';

/** The numbering scope that holds one report per department and month. */
export function monthlyReportScope(departmentId: string, month: string): string {
  return `工作月报:${departmentId}:${month}`;
}

function project(event: { type: string; [key: string]: unknown }): LedgerProjection {
  const { type: _type, meta: _meta, reason, note, ...fields } = event;
  const text = typeof reason === 'string' ? reason : typeof note === 'string' ? note : null;
  return { opinion: text, fields };
}

/**
 * Builds the 工作月报 workflow definition: a department's monthly report, drafted by its
 * staff, registered (or returned) and filed by the office; one report per department and month.
 */
export function createMonthlyReportWorkflow() {
  const e = MONTHLY_REPORT_EVENTS;
  return defineWorkflow({
    name: MONTHLY_REPORT_WORKFLOW,
    version: 1,
    title: '工作月报',
    machine: createMonthlyReportMachine(),
    startSchema: ZMonthlyReportDraft,
    startCheck: async ({ payload, meta, directory }) => {
      const user = await directory.getUser(meta.actorId);
      if (user?.departmentId !== payload.departmentId)
        throw new NotPermitted('只能为本部门拟写工作月报', { departmentId: payload.departmentId });
    },
    // One number per department and month: the second start gets 2, and the machine refuses it.
    numbering: {
      start: ({ payload }) =>
        monthlyReportScope(String(payload.departmentId), String(payload.month)),
    },
    events: {
      SUBMIT: e.SUBMIT,
      REGISTER: e.REGISTER,
      RETURN: e.RETURN,
      RESUBMIT: e.RESUBMIT,
      ARCHIVE: e.ARCHIVE,
    },
    tasks: ({ snapshot }) =>
      monthlyReportTasks(stateToString(snapshot.value), snapshot.context as MonthlyReportContext),
    header: (snapshot) => {
      const ctx = snapshot.context as MonthlyReportContext;
      return {
        title: `${monthLabel(ctx.month)}工作月报`,
        fields: {
          month: ctx.month,
          departmentId: ctx.departmentId,
          author: ctx.author,
          round: ctx.round,
          submittedAt: ctx.submittedAt,
          registeredAt: ctx.registered?.at ?? null,
          archivedAt: ctx.archived?.at ?? null,
        },
      };
    },
    ledger: project,
    stateLabels: { ...MONTHLY_REPORT_STATE_LABELS },
    visibility: monthlyReportVisibility,
  });
}

/** The 工作月报 workflow. */
export const monthlyReportWorkflow = createMonthlyReportWorkflow();
