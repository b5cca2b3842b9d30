import { getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, initialTransition, transition } from 'xstate';
import { isGongwenError } from '../../errors.ts';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { stateToString } from '../../util/state-value.ts';
import type { IncomingContext, IncomingEvent } from './context.ts';
import { ZRegistration } from './fields.ts';
import { incomingHarness, sampleRegistration } from './testing-harness.ts';

const AT = '2026-11-25T01:00:00.000Z';
const meta = (actorId: string) => ({ actorId, onBehalfOf: null, at: AT, caseId: 'model' });

/** A small but complete event alphabet: every step, 退回 and 撤回, by the right people. */
const EVENTS: IncomingEvent[] = [
  {
    type: 'PROPOSE',
    opinion: '拟请张县长、陈副县长阅示',
    leaders: ['zhang', 'chen'],
    leaderMode: 'sequence',
    mainDepartment: 'finance',
    assistDepartments: [],
    circulateDepartments: ['agri'],
    supervise: true,
    meta: meta('zhou'),
  },
  { type: 'WITHDRAW', meta: meta('zhou') },
  { type: 'RETURN', reason: '登记有误', meta: meta('zhou') },
  {
    type: 'AMEND_REGISTRATION',
    ...ZRegistration.parse(sampleRegistration({ senderUnit: '省财政厅' })),
    meta: meta('zhou'),
  },
  { type: 'REVIEW', decision: 'accept', meta: meta('li') },
  { type: 'RETURN', reason: '请重拟', meta: meta('li') },
  { type: 'WITHDRAW', meta: meta('li') },
  ...(['zhang', 'chen'] as const).flatMap((leader): IncomingEvent[] => [
    {
      type: 'INSTRUCT',
      opinion: `${leader}批示`,
      addAssistDepartments: [],
      addCirculateDepartments: [],
      meta: meta(leader),
    },
    { type: 'RETURN', reason: '退回拟办', meta: meta(leader) },
    { type: 'WITHDRAW', meta: meta(leader) },
  ]),
  { type: 'ASSIGN', departmentId: 'finance', handlerId: 'qian', meta: meta('zhao') },
  { type: 'WITHDRAW', departmentId: 'finance', meta: meta('zhao') },
  { type: 'HAND_DOWN', departmentId: 'finance', handlerId: 'sun', meta: meta('qian') },
  { type: 'WITHDRAW', departmentId: 'finance', meta: meta('qian') },
  { type: 'RETURN', departmentId: 'finance', reason: '请另派', meta: meta('sun') },
  {
    type: 'SUBMIT_RESULT',
    departmentId: 'finance',
    result: '已办理',
    attachments: [],
    meta: meta('sun'),
  },
  { type: 'WITHDRAW', departmentId: 'finance', meta: meta('sun') },
  { type: 'SEND_BACK', departmentId: 'finance', reason: '不完整', meta: meta('zhao') },
  { type: 'CONFIRM', departmentId: 'finance', meta: meta('zhao') },
  {
    type: 'PICK_READERS',
    departmentId: 'agri',
    readers: ['tang'],
    forwardTo: [],
    meta: meta('feng'),
  },
  { type: 'READ', departmentId: 'agri', meta: meta('tang') },
  { type: 'REMIND', note: '请抓紧', meta: meta('wang') },
  { type: 'ARCHIVE', meta: meta('wang') },
];

/** The state as the model sees it: counters and times that only grow are left out. */
function serialize(s: AnyMachineSnapshot): string {
  const c = s.context as IncomingContext;
  return JSON.stringify({
    v: s.value,
    sender: c.registration.senderUnit,
    proposed: c.proposedBy,
    reviewed: c.reviewedBy,
    rw: c.reviewWithdrawableBy,
    i: c.instructions.map((i) => i.leader),
    h: c.handling.map((d) => [d.status, d.handlers, d.withdrawable?.kind ?? null]),
    c: c.circulation.map((d) => [d.pickedAt !== null, d.readers]),
    reminded: c.reminders.length > 0,
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

function payloadOf(e: IncomingEvent) {
  const { meta: m, ...event } = e;
  return { actorId: m.actorId, event };
}

describe('收文 machine, model-based through the engine', async () => {
  const probe = await incomingHarness(createMemoryStore());
  const machine = probe.workflow.machine;
  const input = { ...ZRegistration.parse(sampleRegistration()), meta: meta('zhou') };
  const paths = getShortestPaths(machine, {
    input,
    events: EVENTS,
    serializeState: (s) => serialize(s as AnyMachineSnapshot) as never,
  });

  it('reaches every step of the statechart', () => {
    const reached = new Set(paths.map((p) => stateToString(p.state.value)));
    expect([...reached].sort()).toEqual([
      'archived',
      'completed',
      'open.instructing',
      'open.processing',
      'open.reviewing',
      'proposing',
      'registering',
    ]);
    expect(paths.length).toBeGreaterThan(100);
  });

  it('every path runs through the engine to the same state, and everything else is refused', async () => {
    const h = await incomingHarness(createMemoryStore(), AT);
    for (const path of paths) {
      const { caseId } = await h.register('zhou');
      let snapshot = machine.resolveState(
        (await h.engine.case(caseId)).snapshot as never,
      ) as AnyMachineSnapshot;
      for (const step of path.steps.slice(1)) {
        const { actorId, event } = payloadOf(step.event as IncomingEvent);
        await h.send(caseId, actorId, event);
        const c = await h.engine.case(caseId);
        snapshot = machine.resolveState(c.snapshot as never) as AnyMachineSnapshot;
        expect(serialize(snapshot), `path to ${serialize(path.state)}`).toBe(
          serialize(step.state as AnyMachineSnapshot),
        );
      }
      // refusals: every event the model does not take here is refused and writes nothing
      const rev = (await h.engine.case(caseId)).rev;
      for (const e of EVENTS) {
        const [next] = transition(machine, snapshot, e as never);
        if (!unchanged(snapshot, next as AnyMachineSnapshot)) continue;
        const { actorId, event } = payloadOf(e);
        const outcome = await h.send(caseId, actorId, event).then(
          () => 'accepted',
          (err: unknown) => (isGongwenError(err) ? err.code : String(err)),
        );
        expect(['NOT_PERMITTED', 'INVALID_EVENT']).toContain(outcome);
      }
      expect((await h.engine.case(caseId)).rev).toBe(rev);
      expect((await h.engine.verifyLedger(caseId)).ok).toBe(true);
    }
  }, 120_000);
});

describe('收文 machine: department steps are pinned to the task that admitted the sender', async () => {
  const probe = await incomingHarness(createMemoryStore());
  const machine = probe.workflow.machine;
  const input = { ...ZRegistration.parse(sampleRegistration()), meta: meta('zhou') };
  const via = (actorId: string, taskKeys: string[]) => ({ ...meta(actorId), taskKeys });
  /** Runs events without task keys (as outside the engine), from a fresh case. */
  const run = (events: IncomingEvent[]) => {
    let s: AnyMachineSnapshot = initialTransition(machine, input)[0];
    for (const e of events) s = transition(machine, s as never, e)[0];
    return s;
  };
  /** 拟办 (主办 finance, 协办 education), 审阅, both 批示: both heads have an assign task. */
  const toProcessing: IncomingEvent[] = EVENTS.filter(
    (e) =>
      e.type === 'PROPOSE' ||
      (e.type === 'REVIEW' && e.decision === 'accept') ||
      e.type === 'INSTRUCT',
  ).map((e) => (e.type === 'PROPOSE' ? { ...e, assistDepartments: ['education'] } : e));
  const ctx = (s: AnyMachineSnapshot) => s.context as IncomingContext;

  it('a head admitted through one department’s task cannot act for another', () => {
    const processing = run(toProcessing);
    expect(processing.value).toEqual({ open: 'processing' });
    // he's task is education's; naming finance takes nothing
    const [refused] = transition(machine, processing, {
      type: 'ASSIGN',
      departmentId: 'finance',
      handlerId: 'sun',
      meta: via('he', ['handle:education:0:assign']),
    } as never);
    expect(unchanged(processing, refused as AnyMachineSnapshot)).toBe(true);
    // a 催办 twin of the task admits like the task itself
    const [assigned] = transition(machine, processing, {
      type: 'ASSIGN',
      departmentId: 'finance',
      handlerId: 'sun',
      meta: via('zhao', ['remind:1:handle:finance:0:assign']),
    } as never);
    expect(ctx(assigned as AnyMachineSnapshot).handling[0]).toMatchObject({
      id: 'finance',
      status: 'handling',
      head: 'zhao',
    });
  });

  it('without a department in the payload, the step acts on the admitting task’s department', () => {
    const both = run([
      ...toProcessing,
      { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun', meta: meta('zhao') },
      { type: 'ASSIGN', departmentId: 'education', handlerId: 'sun', meta: meta('he') },
    ]);
    expect(ctx(both).handling.map((d) => [d.id, d.step, d.status])).toEqual([
      ['finance', 1, 'handling'],
      ['education', 1, 'handling'],
    ]);
    const [after] = transition(machine, both, {
      type: 'RETURN',
      reason: '非本人职责',
      meta: via('sun', ['handle:education:1:handle']),
    } as never);
    expect(ctx(after as AnyMachineSnapshot).handling.map((d) => [d.id, d.status])).toEqual([
      ['finance', 'handling'],
      ['education', 'assigning'],
    ]);
    // a stale key (an earlier step of the department) admits nothing
    const [stale] = transition(machine, both, {
      type: 'SUBMIT_RESULT',
      departmentId: 'education',
      result: 'x',
      attachments: [],
      meta: via('sun', ['handle:education:0:assign']),
    } as never);
    expect(unchanged(both, stale as AnyMachineSnapshot)).toBe(true);
  });
});
