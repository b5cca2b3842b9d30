/** The folder of each workflow's pages (`src/app/(app)/<folder>/[caseId]`). */
export const CASE_PAGE_FOLDERS: Readonly<Record<string, string>> = {
  incoming: 'incoming',
  outgoing: 'outgoing',
  meeting: 'meetings',
  report: 'reports',
};

/**
 * Where a case opens: `/<folder>/<caseId>`, the folder being the workflow's (会议 under
 * `/meetings/`, 报告审批 under `/reports/`). Every list that links to a case builds the link here.
 */
export function caseHref(workflow: string, caseId: string): string {
  const folder = CASE_PAGE_FOLDERS[workflow] ?? workflow;
  return `/${encodeURIComponent(folder)}/${encodeURIComponent(caseId)}`;
}

/** Chinese names of task kinds. */
export const TASK_KIND_LABELS: Record<string, string> = {
  act: '办理',
  read: '传阅',
  remind: '催办',
};
