import { getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, transition } from 'xstate';
import { isGongwenError } from '../../errors.ts';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { stateToString } from '../../util/state-value.ts';
import type { MeetingContext, MeetingEvent } from './context.ts';
import { ZMeetingPlan } from './fields.ts';
import { meetingHarness, sampleMeetingPlan } from './testing-harness.ts';

/** Before the meeting (replies, sign-in window) and after it started. */
const BEFORE = '2026-12-01T00:30:00.000Z'; // 08:30 CST
const AFTER = '2026-12-01T03:00:00.000Z'; // 11:00 CST
const meta = (actorId: string, at = BEFORE) => ({ actorId, onBehalfOf: null, at, caseId: 'model' });

const PLAN = sampleMeetingPlan({
  participants: { users: ['chen', 'kong'], departments: ['education'] },
  topicDepartments: ['finance'],
});

/**
 * Every user step, by the right people and by some wrong ones whose refusal the machine and the
 * engine agree on. Organisation rules (a department step by another head …) are refused by the
 * events' checks and tested in enforcement.test.ts; timer events in workflow.test.ts.
 */
const EVENTS: MeetingEvent[] = [
  {
    type: 'SUBMIT_TOPICS',
    departmentId: 'finance',
    topics: [{ title: '预算编制方案', summary: '', materials: [] }],
    meta: meta('zhao'),
  },
  { type: 'SET_AGENDA', order: ['t1'], meta: meta('wang') },
  { type: 'SET_AGENDA', order: ['t1'], meta: meta('chen') },
  {
    type: 'BOOK_ROOM',
    bookingId: 'b1',
    roomId: 'room-1',
    start: '2026-12-01T01:00:00.000Z',
    end: '2026-12-01T03:00:00.000Z',
    meta: meta('wang'),
  },
  { type: 'SUBMIT_PLAN', meta: meta('wang') },
  { type: 'SUBMIT_PLAN', meta: meta('chen') },
  { type: 'APPROVE', opinion: '同意', meta: meta('zhang') },
  { type: 'APPROVE', meta: meta('chen') },
  { type: 'RETURN', reason: '请完善议程', meta: meta('zhang') },
  { type: 'REJECT', reason: '暂缓召开', meta: meta('zhang') },
  { type: 'CANCEL', reason: '会议取消', meta: meta('wang') },
  { type: 'CANCEL', reason: '会议取消', meta: meta('chen') },
  { type: 'REPLY', answer: 'attend', meta: meta('chen') },
  { type: 'REPLY', answer: 'delegate', deputyId: 'fang', meta: meta('chen') },
  { type: 'REPLY', answer: 'leave', reason: '出差', meta: meta('kong') },
  { type: 'REPLY', answer: 'attend', departmentId: 'education', meta: meta('he') },
  { type: 'REPLY', answer: 'attend', meta: meta('fang') },
  { type: 'REMIND_REPLIES', meta: meta('wang') },
  { type: 'REMIND_REPLIES', meta: meta('chen') },
  { type: 'SIGN_IN', meta: meta('chen') },
  { type: 'SIGN_IN', meta: meta('kong') },
  { type: 'SIGN_IN', meta: meta('fang') },
  { type: 'SIGN_IN', userId: 'kong', meta: meta('wang') },
  { type: 'SIGN_IN', userId: 'kong', meta: meta('wang', AFTER) },
  { type: 'SIGN_IN', userId: 'kong', meta: meta('chen') },
  { type: 'CLOSE_ATTENDANCE', meta: meta('wang', AFTER) },
  {
    type: 'DRAFT_MINUTES',
    body: { blocks: [{ type: 'paragraph', text: '会议议定：原则同意预算编制方案。' }] },
    resolutions: [
      {
        title: '完善预算编制方案',
        detail: '',
        ownerDepartmentId: 'finance',
        deadlineWorkingDays: 3,
      },
    ],
    meta: meta('wang', AFTER),
  },
  { type: 'RETURN_MINUTES', reason: '请补充请假人员', meta: meta('li', AFTER) },
  { type: 'APPROVE_MINUTES', meta: meta('li', AFTER) },
  { type: 'APPROVE_MINUTES', meta: meta('wang', AFTER) },
  { type: 'ARCHIVE', meta: meta('zhou', AFTER) },
  { type: 'ARCHIVE', meta: meta('chen', AFTER) },
  { type: 'REPORT_PROGRESS', resolutionId: 'r1', note: '正在修改', meta: meta('zhao', AFTER) },
  { type: 'COMPLETE_RESOLUTION', resolutionId: 'r1', result: '已印发', meta: meta('zhao', AFTER) },
  { type: 'REMIND_RESOLUTION', resolutionId: 'r1', meta: meta('wang', AFTER) },
  { type: 'REMIND_RESOLUTION', resolutionId: 'r1', meta: meta('chen', AFTER) },
];

/**
 * The state as the model sees it: counters and reminders that only grow are left out, and
 * replies and attendance only count while they can still change (frozen after the meeting).
 */
function serialize(s: AnyMachineSnapshot): string {
  const c = s.context as MeetingContext;
  const state = stateToString(s.value);
  const live = state === 'notified';
  return JSON.stringify({
    v: s.value,
    topics: c.topics.length,
    agenda: c.agenda !== null,
    booked: c.booking !== null,
    replies: live
      ? Object.entries(c.replies)
          .map(([k, r]) => `${k}=${r.answer}`)
          .sort()
      : null,
    attendance: live || state === 'minuting' ? Object.keys(c.attendance).sort() : null,
    returnedMinutes: c.minutesReturns.length > 0,
    archived: c.archivedAt !== null,
    r: c.resolutions.map((r) => [r.status, r.progress.length > 0, r.reminders.length > 0]),
  });
}

function unchanged(before: AnyMachineSnapshot, after: AnyMachineSnapshot): boolean {
  return (
    after === before ||
    (after.value === before.value &&
      after.context === before.context &&
      after.status === before.status)
  );
}

describe('会议 machine, model-based through the engine', async () => {
  const probe = await meetingHarness(createMemoryStore());
  const machine = probe.workflow.machine;
  const input = { ...ZMeetingPlan.parse(PLAN), meta: meta('wang', '2026-11-25T01:00:00.000Z') };
  const paths = getShortestPaths(machine, {
    input,
    events: EVENTS,
    serializeState: (s) => serialize(s as AnyMachineSnapshot) as never,
  });

  it('reaches every state of the statechart', () => {
    const reached = new Set(paths.map((p) => stateToString(p.state.value)));
    expect([...reached].sort()).toEqual([
      'approving',
      'cancelled',
      'closed',
      'followUp',
      'minuting',
      'notified',
      'preparing',
      'proofreading',
      'rejected',
    ]);
    expect(paths.length).toBeGreaterThan(100);
  });

  it('every path runs through the engine to the same state, and everything else is refused', async () => {
    const h = await meetingHarness(createMemoryStore());
    const send = async (caseId: string, e: MeetingEvent, bookingId: () => Promise<string>) => {
      const { meta: m, ...event } = e;
      h.clock.set(m.at);
      const payload =
        event.type === 'BOOK_ROOM' ? { ...event, bookingId: await bookingId() } : event;
      return h.send(caseId, m.actorId, payload);
    };
    for (const path of paths) {
      h.clock.set('2026-11-25T01:00:00.000Z');
      const { caseId } = await h.engine.start({
        workflow: 'meeting',
        actorId: 'wang',
        commandId: crypto.randomUUID(),
        input: PLAN,
      });
      let real: string | null = null;
      /** The model's booking `b1` is this case's real booking, made on first use. */
      const bookingId = async () => {
        real ??= (
          await h.roomBookings.book({
            unitId: 'demo',
            roomId: 'room-1',
            range: { start: new Date(PLAN.start), end: new Date(PLAN.end) },
            meetingCaseId: caseId,
            bookedBy: 'wang',
          })
        ).id;
        return real;
      };
      let snapshot = machine.resolveState(
        (await h.engine.case(caseId)).snapshot as never,
      ) as AnyMachineSnapshot;
      for (const step of path.steps.slice(1)) {
        await send(caseId, step.event as MeetingEvent, bookingId);
        snapshot = machine.resolveState(
          (await h.engine.case(caseId)).snapshot as never,
        ) as AnyMachineSnapshot;
        expect(serialize(snapshot), `path to ${serialize(path.state)}`).toBe(
          serialize(step.state as AnyMachineSnapshot),
        );
      }
      const rev = (await h.engine.case(caseId)).rev;
      for (const e of EVENTS) {
        const [next] = transition(machine, snapshot, e as never);
        if (!unchanged(snapshot, next as AnyMachineSnapshot)) continue;
        const outcome = await send(caseId, e, bookingId).then(
          () => 'accepted',
          (err: unknown) => (isGongwenError(err) ? err.code : String(err)),
        );
        expect(
          ['NOT_PERMITTED', 'INVALID_EVENT'],
          `${e.type} by ${e.meta.actorId} in ${serialize(snapshot)}`,
        ).toContain(outcome);
      }
      expect((await h.engine.case(caseId)).rev).toBe(rev);
      expect((await h.engine.verifyLedger(caseId)).ok).toBe(true);
      if (real) await h.roomBookings.cancel(real, new Date());
    }
  }, 300_000);
});
