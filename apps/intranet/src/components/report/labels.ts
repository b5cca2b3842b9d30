/** Colours of the report states. */
export const REPORT_STATE_COLORS: Record<string, string> = {
  drafting: 'default',
  approving: 'blue',
  revising: 'orange',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

/** Colours of an approver's state in the progress. */
export const APPROVER_STATE_COLORS: Record<string, string> = {
  approved: 'green',
  pending: 'blue',
  waiting: 'default',
  returned: 'orange',
  rejected: 'red',
  notNeeded: 'default',
};

/** 依次/同时, 全部/任一 in words. */
export function modeText(mode: string, rule: string): string {
  return mode === 'sequence'
    ? '依次审批'
    : rule === 'all'
      ? '同时审批（全部同意）'
      : '同时审批（任一同意即可）';
}
