import type { z } from 'zod';
import type { ZDoneFilter } from '~/lib/schemas/tasks';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { caseListsOf, titleOrDocNumber } from './case-lists';

/** One line of the 已办 list. */
export interface DoneLine {
  caseId: string;
  workflow: string;
  title: string;
  state: string;
  status: 'active' | 'done';
  fields: Record<string, unknown>;
  createdAt: Date;
  lastActedAt: Date;
}

/**
 * The 已办 list: cases the user acted on (or a deputy acted on for them), filtered on the
 * header fields and on when the user last acted, by the `CaseLists` port.
 */
export async function listDone(
  app: AppServices,
  user: SessionUser,
  f: z.output<typeof ZDoneFilter>,
): Promise<{ items: DoneLine[]; total: number }> {
  const fields: Record<string, string> = {};
  if (f.urgency) fields.urgency = f.urgency;
  if (f.secrecy) fields.secrecy = f.secrecy;
  const page = await caseListsOf(app).done({
    unitId: user.unitId,
    userId: user.id,
    ...(f.workflow ? { workflow: f.workflow } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.period ? { period: f.period } : {}),
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
    ...titleOrDocNumber(f.search),
    sort: f.sort === 'oldest' ? 'oldest' : 'newest',
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  return {
    total: page.total,
    items: page.items.map(({ caseRecord: c, lastActedAt }) => ({
      caseId: c.id,
      workflow: c.workflow,
      title: c.title,
      state: c.state,
      status: c.status,
      fields: c.fields,
      createdAt: c.createdAt,
      lastActedAt,
    })),
  };
}
