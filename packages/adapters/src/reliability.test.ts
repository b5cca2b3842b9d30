import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createStoreDirectory,
  createWorkflowEngine,
  manualClock,
  TIMER_ACTOR,
} from '@gongwen/core';
import { approvalWorkflow, loadSampleOrg } from '@gongwen/core/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createPostgresStore } from './postgres.ts';
import { createTestDatabase } from './testing/test-databases.ts';

const WORKER = fileURLToPath(new URL('./testing/reliability-worker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function startWorker(url: string, mode: 'work' | 'finish', casesFile: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, url, mode, casesFile], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let progress = 0;
  let stderr = '';
  const listeners: Array<() => void> = [];
  child.stdout.on('data', (d: Buffer) => {
    progress += (d.toString().match(/^progress /gm) ?? []).length;
    for (const l of listeners) l();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const progressed = (n: number) =>
    new Promise<void>((resolve) => {
      const check = () => progress >= n && resolve();
      listeners.push(check);
      check();
    });
  return { child, exited, progressed, stderr: () => stderr };
}

describe.runIf(process.env.GONGWEN_PG_URL)('crash safety on PostgreSQL', () => {
  it('loses and duplicates nothing when a worker is SIGKILLed mid-work', {
    timeout: 120_000,
  }, async () => {
    const url = await createTestDatabase('crash');
    const store = await createPostgresStore({ connectionString: url, max: 4 });
    try {
      await loadSampleOrg(store.directory);
      // Seed two hours in the past, so that reminders (1 h) are already due.
      const seedClock = manualClock(new Date(Date.now() - 2 * 3_600_000));
      const engine = createWorkflowEngine({
        store,
        directory: createStoreDirectory(store.directory),
        clock: seedClock,
        workflows: [approvalWorkflow],
      });
      const timerCases: string[] = [];
      const stepCases: string[] = [];
      for (let i = 0; i < 150; i++) {
        const r = await engine.start({
          workflow: 'approval',
          actorId: 'sun',
          commandId: `seed-a-${i}`,
          input: { title: `催办测试 ${i}`, approvers: ['zhao'], remindAfterMs: 3_600_000 },
        });
        timerCases.push(r.caseId);
      }
      for (let i = 0; i < 60; i++) {
        const r = await engine.start({
          workflow: 'approval',
          actorId: 'sun',
          commandId: `seed-b-${i}`,
          input: { title: `流转测试 ${i}`, approvers: ['zhao', 'zhang', 'chen'] },
        });
        stepCases.push(r.caseId);
      }
      const casesFile = join(mkdtempSync(join(tmpdir(), 'gongwen-crash-')), 'cases.json');
      writeFileSync(casesFile, JSON.stringify(stepCases));

      const victim = startWorker(url, 'work', casesFile);
      await Promise.race([victim.progressed(3), victim.exited]);
      victim.child.kill('SIGKILL');
      expect((await victim.exited).signal, victim.stderr()).toBe('SIGKILL');

      // The kill must have landed mid-way: work was done, and work is left.
      const { rows: before } = await sql<{ fired: number; steps: number }>`SELECT
          (SELECT count(*)::int FROM ledger WHERE actor_id = ${TIMER_ACTOR}) AS fired,
          (SELECT count(*)::int FROM ledger WHERE event = 'APPROVE') AS steps`.execute(
        store.kysely,
      );
      expect(before[0]!.fired + before[0]!.steps).toBeGreaterThan(0);
      expect(before[0]!.fired + before[0]!.steps).toBeLessThan(150 + 180);

      const finisher = startWorker(url, 'finish', casesFile);
      const end = await finisher.exited;
      expect(end, finisher.stderr()).toEqual({ code: 0, signal: null });

      // Every chain verifies and every case is whole.
      for (const id of [...timerCases, ...stepCases]) {
        const v = await engine.verifyLedger(id);
        expect(v.problems, id).toEqual([]);
        const c = (await store.getCase(id))!;
        const open = (await store.listTasks(id)).filter((t) => t.doneAt === null);
        expect(open.map((t) => t.key).sort()).toEqual(c.assignments.map((a) => a.key).sort());
      }
      // Timers: each due reminder fired exactly once and was rescheduled once.
      for (const id of timerCases) {
        const ledger = await store.listLedger(id);
        expect(
          ledger.filter((l) => l.actorId === TIMER_ACTOR).map((l) => l.event),
          id,
        ).toEqual(['REMIND']);
        expect((await store.getCase(id))!.fields.reminders).toBe(1);
        expect(await store.listTimers(id)).toHaveLength(1);
      }
      // Steps: every case went through exactly three approvals, none lost, none doubled.
      for (const id of stepCases) {
        const c = (await store.getCase(id))!;
        expect([c.status, c.state, c.rev]).toEqual(['done', 'approved', 4]);
        expect((await store.listLedger(id)).map((l) => [l.event, l.actorId])).toEqual([
          ['start', 'sun'],
          ['APPROVE', 'zhao'],
          ['APPROVE', 'zhang'],
          ['APPROVE', 'chen'],
        ]);
        expect(await store.listTimers(id)).toEqual([]);
      }
      // No stray rows: inbox entries only for open tasks, nothing pointing at a missing case.
      const { rows } = await sql<{
        stray_candidates: number;
        orphan_tasks: number;
        orphan_ledger: number;
      }>`SELECT
          (SELECT count(*)::int FROM task_candidates tc JOIN tasks t ON t.id = tc.task_id WHERE t.done_at IS NOT NULL) AS stray_candidates,
          (SELECT count(*)::int FROM tasks t WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = t.case_id)) AS orphan_tasks,
          (SELECT count(*)::int FROM ledger l WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = l.case_id)) AS orphan_ledger`.execute(
        store.kysely,
      );
      expect(rows[0]).toEqual({ stray_candidates: 0, orphan_tasks: 0, orphan_ledger: 0 });
    } finally {
      await store.close();
    }
  });
});
