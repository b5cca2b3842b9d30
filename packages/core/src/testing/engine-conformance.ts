import { beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../clock.ts';
import { createStoreDirectory } from '../directory/store-directory.ts';
import { createWorkflowEngine, type WorkflowEngine } from '../engine/engine.ts';
import type { Notification } from '../ports/notifier.ts';
import type { Store } from '../ports/store.ts';
import { approvalWorkflow } from './approval-workflow.ts';
import { SAMPLE_DELEGATIONS } from './directory-conformance.ts';
import { describeEngineDelegationAndReassign } from './engine-conformance-people.ts';
import { cmd, type EngineSuite, expectCode } from './engine-conformance-suite.ts';
import { describeEngineWorkersAndConcurrency } from './engine-conformance-workers.ts';
import { loadSampleOrg } from './sample-org.ts';

/** Options of the engine conformance suite. */
export interface EngineConformanceOptions {
  timeout?: number;
}

/**
 * End-to-end engine behaviour on a given store: the sample approval workflow passing
 * through its steps, refusals that write nothing, idempotent retries, delegation,
 * durable timers and concurrent senders.
 */
export function describeEngineConformance(
  name: string,
  makeStore: () => Promise<Store>,
  options: EngineConformanceOptions = {},
): void {
  describe(`Engine on ${name}`, { timeout: options.timeout ?? 30_000 }, () => {
    const clock = manualClock('2026-11-25T01:00:00.000Z'); // Wednesday 09:00 in Beijing
    let store: Store;
    let engine: WorkflowEngine;

    beforeAll(async () => {
      store = await makeStore();
      await loadSampleOrg(store.directory, SAMPLE_DELEGATIONS);
      engine = createWorkflowEngine({
        store,
        directory: createStoreDirectory(store.directory),
        clock,
        workflows: [approvalWorkflow],
      });
    }, options.timeout ?? 60_000);

    const start = (approvers = ['zhao', 'zhang'], extra: Record<string, unknown> = {}) =>
      engine.start({
        workflow: 'approval',
        actorId: 'sun',
        commandId: cmd(),
        input: { title: '关于申请购置办公设备的请示', approvers, ...extra },
      });

    async function noticesOf(caseId: string): Promise<Notification[]> {
      const sent: Notification[] = [];
      while ((await engine.deliverNotifications({ send: async (m) => void sent.push(m) })) > 0) {
        // until the outbox is empty
      }
      return sent.filter((m) => m.caseId === caseId);
    }

    async function snapshotOf(caseId: string) {
      return {
        case: await store.getCase(caseId),
        ledger: await store.listLedger(caseId),
        tasks: await store.listTasks(caseId),
        timers: await store.listTimers(caseId),
      };
    }

    const suite: EngineSuite = {
      clock,
      get: () => ({ store, engine }),
      start,
      snapshotOf,
      noticesOf,
    };

    it('runs a case through its steps, keeping tasks, ledger and chain in step', async () => {
      const started = await start();
      expect(started).toMatchObject({ rev: 1, state: 'reviewing', status: 'active', ledgerSeq: 1 });
      const c1 = await engine.case(started.caseId);
      expect(c1.assignments).toEqual([
        expect.objectContaining({
          key: 'approve:0:zhao',
          candidates: ['zhao'],
          events: ['APPROVE', 'RETURN'],
        }),
      ]);
      // 3 working days from Wednesday 2026-11-25 → end of Monday 2026-11-30 in Beijing.
      expect(c1.assignments[0]!.dueAt).toEqual(new Date('2026-11-30T15:59:59.999Z'));
      const inbox = await engine.inbox({ actorId: 'zhao' });
      expect(inbox.items.map((i) => i.task.caseId)).toContain(started.caseId);

      clock.advance(60_000);
      const r2 = await engine.send({
        caseId: started.caseId,
        actorId: 'zhao',
        commandId: cmd(),
        event: { type: 'APPROVE', opinion: '同意，请张县长审批' },
      });
      expect(r2).toMatchObject({ rev: 2, state: 'reviewing', ledgerSeq: 2, onBehalfOf: null });
      clock.advance(60_000);
      const r3 = await engine.send({
        caseId: started.caseId,
        actorId: 'zhang',
        commandId: cmd(),
        event: { type: 'APPROVE', opinion: '同意' },
      });
      expect(r3).toMatchObject({ rev: 3, state: 'approved', status: 'done' });

      const { case: c, ledger, tasks, timers } = await snapshotOf(started.caseId);
      expect(c?.status).toBe('done');
      expect(ledger.map((l) => [l.event, l.actorId, l.fromState, l.toState, l.opinion])).toEqual([
        ['start', 'sun', null, 'reviewing', null],
        ['APPROVE', 'zhao', 'reviewing', 'reviewing', '同意，请张县长审批'],
        ['APPROVE', 'zhang', 'reviewing', 'approved', '同意'],
      ]);
      expect(tasks.map((t) => [t.key, t.doneBy, t.doneEvent])).toEqual([
        ['approve:0:zhao', 'zhao', 'APPROVE'],
        ['approve:1:zhang', 'zhang', 'APPROVE'],
      ]);
      expect(timers).toEqual([]);
      expect(await engine.verifyLedger(started.caseId)).toEqual({
        ok: true,
        entries: 3,
        problems: [],
      });
      const done = await engine.done({ actorId: 'zhao' });
      expect(done.items.map((i) => i.caseRecord.id)).toContain(started.caseId);
      expect(
        (await engine.inbox({ actorId: 'zhang' })).items.map((i) => i.task.caseId),
      ).not.toContain(started.caseId);
    });

    it('refuses bad input with a typed error and writes nothing', async () => {
      const { caseId } = await start();
      const before = await snapshotOf(caseId);
      // wrong person
      await expectCode(
        engine.send({
          caseId,
          actorId: 'sun',
          commandId: cmd(),
          event: { type: 'APPROVE', opinion: '好' },
        }),
        'NOT_PERMITTED',
      );
      // forged actor id
      await expectCode(
        engine.send({
          caseId,
          actorId: 'nobody',
          commandId: cmd(),
          event: { type: 'APPROVE', opinion: '好' },
        }),
        'NOT_PERMITTED',
      );
      // inactive user
      await expectCode(
        engine.send({
          caseId,
          actorId: 'retired',
          commandId: cmd(),
          event: { type: 'APPROVE', opinion: '好' },
        }),
        'NOT_PERMITTED',
      );
      // another unit's user cannot even see the case
      await expectCode(
        engine.send({
          caseId,
          actorId: 'outsider',
          commandId: cmd(),
          event: { type: 'APPROVE', opinion: '好' },
        }),
        'NOT_FOUND',
      );
      // unknown event
      await expectCode(
        engine.send({ caseId, actorId: 'zhao', commandId: cmd(), event: { type: 'FLY' } }),
        'INVALID_EVENT',
      );
      // event the workflow has, in the wrong state (RESUBMIT is for `revising`)
      await expectCode(
        engine.send({ caseId, actorId: 'sun', commandId: cmd(), event: { type: 'RESUBMIT' } }),
        'NOT_PERMITTED',
      );
      // invalid payload
      await expectCode(
        engine.send({
          caseId,
          actorId: 'zhao',
          commandId: cmd(),
          event: { type: 'APPROVE', opinion: '   ' },
        }),
        'VALIDATION_FAILED',
      );
      await expectCode(
        engine.send({
          caseId,
          actorId: 'zhao',
          commandId: cmd(),
          event: { type: 'APPROVE', opinion: 42 },
        }),
        'VALIDATION_FAILED',
      );
      // malformed command
      await expectCode(
        engine.send({
          caseId,
          actorId: 'zhao',
          commandId: '',
          event: { type: 'APPROVE', opinion: '好' },
        }),
        'VALIDATION_FAILED',
      );
      // unknown case
      await expectCode(
        engine.send({
          caseId: 'no-such-case',
          actorId: 'zhao',
          commandId: cmd(),
          event: { type: 'APPROVE', opinion: '好' },
        }),
        'NOT_FOUND',
      );
      // stale expected revision
      await expectCode(
        engine.send({
          caseId,
          actorId: 'zhao',
          commandId: cmd(),
          expectedRev: 5,
          event: { type: 'APPROVE', opinion: '好' },
        }),
        'VERSION_CONFLICT',
      );
      expect(await snapshotOf(caseId)).toEqual(before);
      expect((await engine.verifyLedger(caseId)).ok).toBe(true);
    });

    it('refuses a guarded event in the wrong state with INVALID_EVENT', async () => {
      const { caseId } = await start();
      await engine.send({
        caseId,
        actorId: 'zhao',
        commandId: cmd(),
        event: { type: 'APPROVE', opinion: '同意' },
      });
      const before = await snapshotOf(caseId);
      // 撤回 is only possible before anyone approved, and `can` no longer offers it.
      expect((await engine.can({ caseId, actorId: 'sun' })).map((e) => e.type)).toEqual([]);
      await expectCode(
        engine.send({ caseId, actorId: 'sun', commandId: cmd(), event: { type: 'WITHDRAW' } }),
        'INVALID_EVENT',
      );
      expect(await snapshotOf(caseId)).toEqual(before);
    });

    it('refuses to start with invalid input or unknown assignees, writing nothing', async () => {
      await expectCode(
        engine.start({
          workflow: 'approval',
          actorId: 'sun',
          commandId: cmd(),
          input: { title: '', approvers: ['zhao'] },
        }),
        'VALIDATION_FAILED',
      );
      await expectCode(
        engine.start({
          workflow: 'approval',
          actorId: 'sun',
          commandId: cmd(),
          input: { title: '标题', approvers: ['ghost'] },
        }),
        'VALIDATION_FAILED',
      );
      await expectCode(
        engine.start({
          workflow: 'approval',
          actorId: 'sun',
          commandId: cmd(),
          input: { title: '标题', approvers: ['outsider'] },
        }),
        'VALIDATION_FAILED',
      );
      await expectCode(
        engine.start({ workflow: 'nope', actorId: 'sun', commandId: cmd(), input: {} }),
        'NOT_FOUND',
      );
      await expectCode(
        engine.start({
          workflow: 'approval',
          actorId: 'ghost',
          commandId: cmd(),
          input: { title: '标题', approvers: ['zhao'] },
        }),
        'NOT_PERMITTED',
      );
      const c = cmd();
      await expectCode(
        engine.start({
          workflow: 'approval',
          actorId: 'sun',
          commandId: c,
          caseId: 'case-never',
          input: { title: '标题', approvers: ['ghost'] },
        }),
        'VALIDATION_FAILED',
      );
      expect(await store.getCase('case-never')).toBeNull();
      expect(await store.getCommand(c)).toBeNull();
    });

    it('answers a retried command with the first result and writes once', async () => {
      const startCmd = cmd();
      const input = { title: '重试测试', approvers: ['zhao'] };
      const a = await engine.start({
        workflow: 'approval',
        actorId: 'sun',
        commandId: startCmd,
        input,
      });
      const b = await engine.start({
        workflow: 'approval',
        actorId: 'sun',
        commandId: startCmd,
        input,
      });
      expect(b).toEqual(a);
      const sendCmd = cmd();
      const ev = {
        caseId: a.caseId,
        actorId: 'zhao',
        commandId: sendCmd,
        event: { type: 'RETURN', reason: '请补充预算明细' },
      };
      const r1 = await engine.send(ev);
      const r2 = await engine.send(ev);
      expect(r2).toEqual(r1);
      const [r3, r4] = await Promise.all([engine.send(ev), engine.send(ev)]);
      expect(r3).toEqual(r1);
      expect(r4).toEqual(r1);
      expect(await store.listLedger(a.caseId)).toHaveLength(2);
      // The same id sent to another case is a mistake, not a retry.
      const other = await start(['zhao']);
      await expectCode(engine.send({ ...ev, caseId: other.caseId }), 'VALIDATION_FAILED');
      expect(await store.listLedger(other.caseId)).toHaveLength(1);
    });

    describeEngineDelegationAndReassign(suite);
    describeEngineWorkersAndConcurrency(suite);
  });
}
