import { getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, transition } from 'xstate';
import { isGongwenError } from '../../errors.ts';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { stateToString } from '../../util/state-value.ts';
import { ZReportDraft } from './fields.ts';
import type { ReportContext, ReportEvent } from './machine.ts';
import { reportHarness, sampleReport } from './testing-harness.ts';

const AT = '2026-11-25T01:00:00.000Z';
const meta = (actorId: string) => ({ actorId, onBehalfOf: null, at: AT, caseId: 'model' });

/** Every step by the right and by wrong people. */
const EVENTS: ReportEvent[] = [
  { type: 'SUBMIT', meta: meta('sun') },
  { type: 'SUBMIT', meta: meta('qian') },
  ...(['qian', 'zhao', 'chen', 'sun'] as const).flatMap((who): ReportEvent[] => [
    { type: 'APPROVE', opinion: `${who}同意`, meta: meta(who) },
    { type: 'RETURN', reason: '请补充报价依据', meta: meta(who) },
    { type: 'REJECT', reason: '不予购置', meta: meta(who) },
  ]),
  { type: 'RESUBMIT', note: '已补充报价', meta: meta('sun') },
  { type: 'RESUBMIT', note: '已补充报价', restartAll: true, meta: meta('sun') },
  { type: 'RESUBMIT', note: '已补充报价', meta: meta('zhao') },
  { type: 'WITHDRAW', meta: meta('sun') },
  { type: 'WITHDRAW', meta: meta('qian') },
];

function serialize(s: AnyMachineSnapshot): string {
  const c = s.context as ReportContext;
  return JSON.stringify({
    v: s.value,
    approved: Object.keys(c.approvals).sort(),
    returned: c.returned?.by ?? null,
    outcome: c.outcome,
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

const MODES = [
  { name: 'in sequence', overrides: { mode: 'sequence' } },
  { name: 'in parallel, all must approve', overrides: { mode: 'parallel', parallelRule: 'all' } },
  { name: 'in parallel, any one suffices', overrides: { mode: 'parallel', parallelRule: 'any' } },
];

for (const mode of MODES) {
  describe(`报告审批 machine ${mode.name}, model-based through the engine`, async () => {
    const probe = await reportHarness(createMemoryStore());
    const machine = probe.workflow.machine;
    const input = { ...ZReportDraft.parse(sampleReport(mode.overrides)), meta: meta('sun') };
    const paths = getShortestPaths(machine, {
      input,
      events: EVENTS,
      serializeState: (s) => serialize(s as AnyMachineSnapshot) as never,
    });

    it('reaches every state', () => {
      const reached = new Set(paths.map((p) => stateToString(p.state.value)));
      expect([...reached].sort()).toEqual([
        'approved',
        'approving',
        'drafting',
        'rejected',
        'revising',
        'withdrawn',
      ]);
      expect(paths.length).toBeGreaterThan(8);
    });

    it('every path runs through the engine to the same state, and everything else is refused', async () => {
      const h = await reportHarness(createMemoryStore(), AT);
      for (const path of paths) {
        const { caseId } = await h.draft('sun', mode.overrides);
        let snapshot = machine.resolveState(
          (await h.engine.case(caseId)).snapshot as never,
        ) as AnyMachineSnapshot;
        for (const step of path.steps.slice(1)) {
          const { meta: m, ...event } = step.event as ReportEvent;
          await h.send(caseId, m.actorId, event);
          snapshot = machine.resolveState(
            (await h.engine.case(caseId)).snapshot as never,
          ) as AnyMachineSnapshot;
          expect(serialize(snapshot), `path to ${serialize(path.state)}`).toBe(
            serialize(step.state as AnyMachineSnapshot),
          );
        }
        const c = await h.engine.case(caseId);
        for (const e of EVENTS) {
          const [next] = transition(machine, snapshot, e as never);
          if (!unchanged(snapshot, next as AnyMachineSnapshot)) continue;
          const { meta: m, ...event } = e;
          const outcome = await h.send(caseId, m.actorId, event).then(
            () => 'accepted',
            (err: unknown) => (isGongwenError(err) ? err.code : String(err)),
          );
          expect(['NOT_PERMITTED', 'INVALID_EVENT'], `${e.type} by ${m.actorId}`).toContain(
            outcome,
          );
        }
        expect((await h.engine.case(caseId)).rev).toBe(c.rev);
        expect((await h.engine.verifyLedger(caseId)).ok).toBe(true);
      }
    }, 120_000);
  });
}
