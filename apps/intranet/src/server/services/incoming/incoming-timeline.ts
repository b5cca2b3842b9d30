import {
  INCOMING_STATE_LABELS,
  incomingFlowStatistics,
  projectIncomingLedger,
} from '@gongwen/core';
import { INCOMING_EVENT_LABELS } from '~/lib/schemas/incoming';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { loadNames, type Names } from '~/server/services/cases/names';
import {
  namedFlowStatistics,
  type TimelineSpec,
  type TimelineStep,
  timelineSteps,
} from '~/server/services/cases/timeline';
import { type IncomingAccess, loadIncomingAccess } from './access';
import { describeEntry } from './describe-entry';

/** One step of the 收文 timeline, with the attachments it carried. */
export type IncomingTimelineStep = TimelineStep & {
  attachments: Array<{ blobId: string; name: string }>;
};

function attachmentsOf(fields: Record<string, unknown>): Array<{ blobId: string; name: string }> {
  const a = fields.attachments;
  if (!Array.isArray(a)) return [];
  return a.filter(
    (x): x is { blobId: string; name: string } =>
      typeof x === 'object' &&
      x !== null &&
      typeof x.blobId === 'string' &&
      typeof x.name === 'string',
  );
}

/** How 收文 names and describes its ledger entries. */
const INCOMING_TIMELINE: TimelineSpec<
  Names,
  { attachments: Array<{ blobId: string; name: string }> }
> = {
  stateLabels: INCOMING_STATE_LABELS,
  eventLabels: INCOMING_EVENT_LABELS,
  describe: describeEntry,
  extra: (e) => ({ attachments: attachmentsOf(e.fields) }),
};

/** The visible ledger of `access` as timeline steps (with handwriting). */
export function incomingTimelineSteps(
  app: AppServices,
  access: IncomingAccess,
  names: Names,
): Promise<IncomingTimelineStep[]> {
  return timelineSteps(app, access, names, INCOMING_TIMELINE);
}

/**
 * The flow as `user` may see it: ONLY DOWNWARD for ordinary users (their own steps and those
 * of people below them), everything for leaders, the office director and the secretariat —
 * the 收文 workflow's `visibleIncomingFlow`. With the 流程统计 of the visible tasks.
 */
export async function getIncomingTimeline(app: AppServices, user: SessionUser, caseId: string) {
  const access = await loadIncomingAccess(app, user, caseId);
  const names = await loadNames(app, access.caseRecord.unitId);
  const steps = await incomingTimelineSteps(app, access, names);
  const statistics = namedFlowStatistics(
    incomingFlowStatistics(access.tasks, app.clock.now()),
    names,
  );
  return { scope: access.scope, steps, statistics };
}

/**
 * 传阅 read status: per department, who has read (and when) and who has not, as far as the
 * user may see (readers whose steps are in the user's visible flow).
 */
export async function getIncomingReadStatus(app: AppServices, user: SessionUser, caseId: string) {
  const access = await loadIncomingAccess(app, user, caseId);
  const names = await loadNames(app, access.caseRecord.unitId);
  const row = projectIncomingLedger(access.caseRecord, access.fullLedger);
  const visible = new Set<string>();
  for (const e of access.ledger) {
    visible.add(e.actorId);
    if (e.onBehalfOf) visible.add(e.onBehalfOf);
  }
  for (const t of access.tasks)
    if (t.key.startsWith('read:')) for (const c of t.candidates) visible.add(c);
  const readers = row.readers.filter((r) => access.scope === 'all' || visible.has(r.userId));
  const departments = [...new Set(readers.map((r) => r.departmentId))].map((id) => {
    const lines = readers.filter((r) => r.departmentId === id);
    return {
      departmentId: id,
      departmentName: names.department(id),
      read: lines
        .filter((r) => r.readAt !== null)
        .map((r) => ({ userId: r.userId, name: names.user(r.userId), readAt: r.readAt! })),
      unread: lines
        .filter((r) => r.readAt === null)
        .map((r) => ({ userId: r.userId, name: names.user(r.userId) })),
    };
  });
  // Departments whose head has not yet picked the readers (传阅 waiting at the head).
  const { ctx } = access;
  const heads = new Map(
    access.tasks
      .filter((t) => t.key.startsWith('circulate:') && t.doneAt === null)
      .map((t) => [t.key.slice('circulate:'.length), t.candidates.map(names.user)]),
  );
  const waiting = ctx.circulation
    .filter((c) => c.pickedAt === null && (access.scope === 'all' || heads.has(c.id)))
    .map((c) => ({
      departmentId: c.id,
      departmentName: names.department(c.id),
      heads: heads.get(c.id) ?? [],
    }));
  return {
    departments,
    waiting,
    readCount: readers.filter((r) => r.readAt !== null).length,
    unreadCount: readers.filter((r) => r.readAt === null).length,
  };
}
