import { INCOMING_STATE_LABELS, OUTGOING_STATE_LABELS } from '@gongwen/core';
import type { LedgerWorkflow } from '~/lib/schemas/ledger';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';

/** The choices of a ledger's filters: the unit's departments and the workflow's states. */
export async function ledgerOptions(
  app: AppServices,
  user: SessionUser,
  workflow: LedgerWorkflow,
): Promise<{
  departments: Array<{ id: string; name: string; parentId: string | null }>;
  states: Array<{ value: string; label: string }>;
}> {
  const departments = await app.directory.listDepartments(user.unitId);
  const labels = workflow === 'incoming' ? INCOMING_STATE_LABELS : OUTGOING_STATE_LABELS;
  return {
    departments: [...departments]
      .sort((a, b) => a.sort - b.sort)
      .map((d) => ({ id: d.id, name: d.name, parentId: d.parentId })),
    states: Object.entries(labels).map(([value, label]) => ({ value, label })),
  };
}
