/**
 * A worker process for the crash test: sends APPROVE steps to the listed cases and fires
 * due timers until killed (`work`) or until nothing is left (`finish`).
 * Usage: node --import tsx reliability-worker.ts <database-url> <work|finish> <cases.json>
 */
import { readFileSync } from 'node:fs';
import { createStoreDirectory, createWorkflowEngine, GongwenError } from '@gongwen/core';
import { approvalWorkflow } from '@gongwen/core/testing';
import { createPostgresStore } from '../postgres.ts';

const [url, mode, casesFile] = process.argv.slice(2);
if (!url || !casesFile || (mode !== 'work' && mode !== 'finish')) {
  console.error('usage: reliability-worker <url> <work|finish> <cases.json>');
  process.exit(2);
}
const caseIds: string[] = JSON.parse(readFileSync(casesFile, 'utf8'));
const store = await createPostgresStore({ connectionString: url, max: 8, migrate: false });
const engine = createWorkflowEngine({
  store,
  directory: createStoreDirectory(store.directory),
  workflows: [approvalWorkflow],
  leaseMs: 1_000,
});
const workerId = `${mode}-${process.pid}`;

async function step(caseId: string): Promise<boolean> {
  const c = await store.getCase(caseId);
  if (c?.status !== 'active') return false;
  const approver = c.assignments[0]!.candidates[0]!;
  try {
    // One command id per (case, revision): a retry after a crash is answered, not repeated.
    await engine.send({
      caseId,
      actorId: approver,
      commandId: `${caseId}@${c.rev}`,
      event: { type: 'APPROVE', opinion: `同意（第${c.rev}步）` },
    });
  } catch (e) {
    if (!(e instanceof GongwenError)) throw e;
  }
  return true;
}

for (let round = 0; ; round++) {
  const batch = caseIds.slice((round * 8) % caseIds.length, ((round * 8) % caseIds.length) + 8);
  const [stepped, timers] = await Promise.all([
    Promise.all(batch.map(step)),
    engine.runDueTimers({ workerId, limit: 10 }),
  ]);
  console.log(`progress ${round} ${stepped.filter(Boolean).length} ${timers.fired}`);
  if (mode === 'finish') {
    const open = (await Promise.all(caseIds.map((id) => store.getCase(id)))).filter(
      (c) => c?.status === 'active',
    ).length;
    const next = await store.nextTimerDue(new Date());
    const timersLeft = next !== null && next <= new Date();
    if (open === 0 && !timersLeft && timers.claimed === 0) break;
    if (open === 0 && timers.claimed === 0) await new Promise((r) => setTimeout(r, 200));
  }
}
await store.close();
console.log('finished');
