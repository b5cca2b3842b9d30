import { describe, expect, it } from 'vitest';
import type { AnyMachineSnapshot } from 'xstate';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { type ModelPathsArgs, modelPaths, runModelPaths } from '../../testing/model-paths.ts';
import { stateToString } from '../../util/state-value.ts';
import { ZMonthlyReportDraft } from './fields.ts';
import type { MonthlyReportContext, MonthlyReportEvent } from './machine.ts';
import { monthlyReportHarness, sampleMonthlyReport } from './testing-harness.ts';

const AT = '2026-11-28T01:00:00.000Z';
const meta = (actorId: string) => ({ actorId, onBehalfOf: null, at: AT, caseId: 'model' });

/** Every step by the right and by wrong people (sun drafts; wang is of the secretariat). */
const EVENTS: MonthlyReportEvent[] = [
  ...(['sun', 'qian'] as const).flatMap((who): MonthlyReportEvent[] => [
    { type: 'SUBMIT', meta: meta(who) },
    { type: 'RESUBMIT', note: '已补充', done: '补充后的完成情况', meta: meta(who) },
  ]),
  ...(['wang', 'sun', 'zhao'] as const).flatMap((who): MonthlyReportEvent[] => [
    { type: 'REGISTER', note: '已登记', meta: meta(who) },
    { type: 'RETURN', reason: '请补充数据', meta: meta(who) },
    { type: 'ARCHIVE', meta: meta(who) },
  ]),
];

describe('工作月报 machine, model-based through the engine', async () => {
  const h = await monthlyReportHarness(createMemoryStore(), AT);
  const args: ModelPathsArgs<MonthlyReportEvent> = {
    machine: h.workflow.machine,
    input: { ...ZMonthlyReportDraft.parse(sampleMonthlyReport()), meta: meta('sun') },
    events: EVENTS,
    serialize: (s: AnyMachineSnapshot) =>
      JSON.stringify({
        v: s.value,
        returned: (s.context as MonthlyReportContext).returned !== null,
      }),
    // each path is a month of its own: a second report of the same month would be refused
    start: async (i) =>
      (await h.draft('sun', { month: `2027-${String(i + 1).padStart(2, '0')}` })).caseId,
    send: (caseId, actorId, event) => h.send(caseId, actorId, event),
    engine: h.engine,
  };

  it('reaches every state', () => {
    const paths = modelPaths(args);
    expect(paths.length).toBeLessThanOrEqual(12);
    expect([...new Set(paths.map((p) => stateToString(p.state.value)))].sort()).toEqual([
      'archived',
      'drafting',
      'registered',
      'returned',
      'submitted',
    ]);
  });

  it(
    'every path runs through the engine to the same state, and everything else is refused',
    () => runModelPaths(args),
    120_000,
  );
});
