import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock.ts';
import { createStoreDirectory } from '../directory/store-directory.ts';
import { GongwenError } from '../errors.ts';
import { createMemoryStore } from '../memory/memory-store.ts';
import { approvalWorkflow } from '../testing/approval-workflow.ts';
import { loadSampleOrg } from '../testing/sample-org.ts';
import { defineWorkflow } from '../workflow/definition.ts';
import { createWorkflowEngine } from './engine.ts';

/** Version 2 of the sample workflow: same machine, tasks labelled differently. */
const approvalV2 = defineWorkflow({
  ...approvalWorkflow,
  version: 2,
  tasks: (args) => approvalWorkflow.tasks(args).map((t) => ({ ...t, label: `${t.label}（新版）` })),
});

describe('workflow versions', () => {
  it('keeps a running case on the version it started with, and starts new cases on the latest', async () => {
    const store = createMemoryStore();
    await loadSampleOrg(store.directory);
    const base = {
      store,
      directory: createStoreDirectory(store.directory),
      clock: manualClock('2026-11-25T01:00:00Z'),
    };
    const v1 = createWorkflowEngine({ ...base, workflows: [approvalWorkflow] });
    const old = await v1.start({
      workflow: 'approval',
      actorId: 'sun',
      commandId: 'old',
      input: { title: '旧版', approvers: ['zhao', 'zhang'] },
    });

    const both = createWorkflowEngine({ ...base, workflows: [approvalWorkflow, approvalV2] });
    await both.send({
      caseId: old.caseId,
      actorId: 'zhao',
      commandId: 'old-1',
      event: { type: 'APPROVE', opinion: '同意' },
    });
    const oldCase = await both.case(old.caseId);
    expect(oldCase.workflowVersion).toBe(1);
    expect(oldCase.assignments.map((a) => a.label)).toEqual(['审批']);

    const fresh = await both.start({
      workflow: 'approval',
      actorId: 'sun',
      commandId: 'new',
      input: { title: '新版', approvers: ['zhao'] },
    });
    const freshCase = await both.case(fresh.caseId);
    expect(freshCase.workflowVersion).toBe(2);
    expect(freshCase.assignments.map((a) => a.label)).toEqual(['审批（新版）']);

    // An engine that lacks a case's version refuses to guess.
    const onlyV2 = createWorkflowEngine({ ...base, workflows: [approvalV2] });
    const err = await onlyV2
      .send({
        caseId: old.caseId,
        actorId: 'zhang',
        commandId: 'old-2',
        event: { type: 'APPROVE', opinion: '同意' },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GongwenError);
    expect((err as GongwenError).code).toBe('NOT_FOUND');
    expect((await store.getCase(old.caseId))?.rev).toBe(2);
  });

  it('rejects duplicate registrations and malformed definitions', () => {
    const base = {
      store: createMemoryStore(),
      directory: createStoreDirectory(createMemoryStore().directory),
    };
    expect(() =>
      createWorkflowEngine({ ...base, workflows: [approvalWorkflow, approvalWorkflow] }),
    ).toThrow(TypeError);
    expect(() => defineWorkflow({ ...approvalWorkflow, name: 'Bad Name' })).toThrow(TypeError);
    expect(() => defineWorkflow({ ...approvalWorkflow, version: 0 })).toThrow(TypeError);
  });
});
