/** Where a case opens: each workflow's pages live under `/<workflow>/<caseId>`. */
export function caseHref(workflow: string, caseId: string): string {
  return `/${encodeURIComponent(workflow)}/${encodeURIComponent(caseId)}`;
}

/** Chinese names of task kinds. */
export const TASK_KIND_LABELS: Record<string, string> = {
  act: '办理',
  read: '传阅',
  remind: '催办',
};
