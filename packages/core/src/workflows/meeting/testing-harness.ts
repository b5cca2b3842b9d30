import { createChineseCalendar } from '../../calendar/working-calendar.ts';
import { manualClock } from '../../clock.ts';
import { createStoreDirectory } from '../../directory/store-directory.ts';
import { createWorkflowEngine } from '../../engine/engine.ts';
import { createMemoryRoomBookings } from '../../memory/memory-room-bookings.ts';
import type { RoomBookings } from '../../ports/room-bookings.ts';
import type { Store } from '../../ports/store.ts';
import { SAMPLE_ROOMS } from '../../testing/room-bookings-conformance.ts';
import { loadTestOrg } from '../shared/test-org.ts';
import { createMeetingWorkflow } from './definition.ts';

/** Wednesday 2026-11-25 09:00 China Standard Time. */
export const MEETING_T0 = '2026-11-25T01:00:00.000Z';

/** A 专题会 on Tuesday 2026-12-01, 09:00–11:00 CST, with 7 people and 县教育局 invited. */
export function sampleMeetingPlan(overrides: Record<string, unknown> = {}) {
  return {
    title: '2027年度预算编制工作专题会议',
    type: '专题会',
    description: '研究2027年度部门预算编制有关事项',
    start: '2026-12-01T09:00:00+08:00',
    end: '2026-12-01T11:00:00+08:00',
    participants: {
      users: ['chen', 'ma', 'zhao', 'fang', 'kong', 'tang', 'lu'],
      departments: ['education'],
    },
    topicDepartments: ['finance', 'education', 'agri'],
    approverId: 'zhang',
    remindBeforeMinutes: 60,
    ...overrides,
  };
}

/**
 * An engine running the 会议 workflow on a store holding the 收文 test organisation (sample
 * county plus 县教育局 and 县农业农村局) and rooms in `roomBookings` (tests only).
 */
export async function meetingHarness(
  store: Store,
  options: { roomBookings?: RoomBookings; start?: string } = {},
) {
  await loadTestOrg(store.directory);
  const clock = manualClock(options.start ?? MEETING_T0);
  const calendar = createChineseCalendar();
  const roomBookings =
    options.roomBookings ?? createMemoryRoomBookings({ clock: () => clock.now() });
  for (const r of SAMPLE_ROOMS) await roomBookings.putRoom(r);
  const directory = createStoreDirectory(store.directory);
  const workflow = createMeetingWorkflow({ calendar, roomBookings });
  const engine = createWorkflowEngine({ store, directory, clock, calendar, workflows: [workflow] });
  let n = 0;
  const cmd = () => `meeting-cmd-${++n}-${Math.random().toString(36).slice(2)}`;
  return {
    store,
    clock,
    calendar,
    directory,
    engine,
    workflow,
    roomBookings,
    plan: (actorId = 'wang', overrides: Record<string, unknown> = {}) =>
      engine.start({
        workflow: 'meeting',
        actorId,
        commandId: cmd(),
        input: sampleMeetingPlan(overrides),
      }),
    send: (
      caseId: string,
      actorId: string,
      event: { type: string; [k: string]: unknown },
      extra: { onBehalfOf?: string } = {},
    ) => engine.send({ caseId, actorId, commandId: cmd(), event, ...extra }),
    openKeys: async (caseId: string) =>
      (await engine.case(caseId)).assignments.map((a) => a.key).sort(),
  };
}
