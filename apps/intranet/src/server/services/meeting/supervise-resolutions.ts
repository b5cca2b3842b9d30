import { canViewMeeting, meetingSupervision, type SupervisionItem } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { seesAllMeetings } from './access';

/**
 * 决议事项督办 across meetings: every resolution of the meetings the user may see, with its
 * status now (open / overdue / completed), overdue first.
 */
export async function superviseResolutions(
  app: AppServices,
  user: SessionUser,
  status?: SupervisionItem['status'],
): Promise<SupervisionItem[]> {
  const items = await meetingSupervision({
    store: app.store,
    unitId: user.unitId,
    now: app.clock.now(),
    ...(status !== undefined && { status }),
  });
  if (seesAllMeetings(user)) return items;
  const visible = new Map<string, boolean>();
  const out: SupervisionItem[] = [];
  for (const i of items) {
    let ok = visible.get(i.caseId);
    if (ok === undefined) {
      ok = await canViewMeeting({
        viewerId: user.id,
        caseRecord: await app.engine.case(i.caseId),
        directory: app.directory,
      });
      visible.set(i.caseId, ok);
    }
    if (ok) out.push(i);
  }
  return out;
}
