import { createPgliteStore } from '@gongwen/adapters/pglite';
import { createStoreDirectory, createWorkflowEngine } from '@gongwen/core';
import { leaveWorkflow } from './leave-workflow.ts';
import { loadOrganisation } from './organisation.ts';

/** Runs one leave request from application to approval and reports what happened. */
export async function runDemo(dataDir: string, log: (line: string) => void = console.log) {
  // The whole embedding: a store, a directory, the workflows — and the engine.
  const store = await createPgliteStore({ dataDir });
  await loadOrganisation(store.directory);
  const directory = createStoreDirectory(store.directory);
  const engine = createWorkflowEngine({ store, directory, workflows: [leaveWorkflow] });

  try {
    const run = `${Date.now().toString(36)}`;
    const name = async (id: string) => (await directory.getUser(id))?.name ?? id;
    const show = async (caseId: string) => {
      const c = await engine.case(caseId);
      const who = await Promise.all(c.assignments.flatMap((a) => a.candidates).map(name));
      log(
        `  → 当前环节：${leaveWorkflow.stateLabels?.[c.state] ?? c.state}${who.length ? `（待办：${who.join('、')}）` : ''}`,
      );
    };

    log('徐老师提交请假申请：年休假 5 天');
    const { caseId } = await engine.start({
      workflow: 'leave',
      actorId: 'xu',
      commandId: `${run}-apply`,
      input: { kind: '年休假', days: 5, reason: '探亲' },
    });
    await show(caseId);

    const inbox = await engine.inbox({ actorId: 'he' });
    log(`何局长的待办有 ${inbox.total} 件，第一件：${inbox.items[0]?.caseTitle}`);
    log(
      `何局长此时可以：${(await engine.can({ caseId, actorId: 'he' })).map((e) => e.title).join('、')}`,
    );
    await engine.send({
      caseId,
      actorId: 'he',
      commandId: `${run}-head`,
      event: { type: 'APPROVE', opinion: '同意，请办公室审批' },
    });
    await show(caseId);

    await engine.send({
      caseId,
      actorId: 'liu',
      commandId: `${run}-director`,
      event: { type: 'APPROVE', opinion: '同意' },
    });
    await show(caseId);

    log('流程台帐：');
    const ledger = await engine.ledger(caseId);
    for (const e of ledger) {
      log(
        `  ${e.seq}. ${e.at.toISOString()} ${await name(e.actorId)} ${e.event}${e.opinion ? `「${e.opinion}」` : ''} ${e.fromState ?? '—'} → ${e.toState}`,
      );
    }
    const verification = await engine.verifyLedger(caseId);
    log(
      `台帐哈希链校验：${verification.ok ? '通过' : `未通过 ${JSON.stringify(verification.problems)}`}`,
    );
    return { caseId, final: (await engine.case(caseId)).state, ledger, verification };
  } finally {
    await store.close();
  }
}
