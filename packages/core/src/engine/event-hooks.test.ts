import { describe, expect, it } from 'vitest';
import { assign, setup } from 'xstate';
import { z } from 'zod';
import { manualClock } from '../clock.ts';
import { createStoreDirectory } from '../directory/store-directory.ts';
import { type GongwenError, ValidationFailed } from '../errors.ts';
import { createMemoryStore } from '../memory/memory-store.ts';
import { loadSampleOrg } from '../testing/sample-org.ts';
import { defineWorkflow, type EventMeta } from '../workflow/definition.ts';
import { createWorkflowEngine } from './engine.ts';

/** A two-step signing flow: the drafter's superior signs, and signing takes a 文号. */
const signing = defineWorkflow({
  name: 'signing',
  version: 1,
  title: '签发',
  machine: setup({
    types: {} as {
      context: { docNumber: string | null; signedVia: string[] };
      events: { type: 'SIGN'; signer: string; meta: EventMeta };
    },
  }).createMachine({
    id: 'signing',
    context: { docNumber: null, signedVia: [] },
    initial: 'pending',
    states: {
      pending: {
        on: {
          SIGN: {
            target: 'signed',
            actions: assign({
              docNumber: ({ event }) => `示政发〔2026〕${event.meta.serial?.value}号`,
              signedVia: ({ event }) => event.meta.taskKeys ?? [],
            }),
          },
        },
      },
      signed: { type: 'final' },
    },
  }),
  startSchema: z.object({}),
  numbering: { SIGN: () => '文号:示政发:2026' },
  events: {
    SIGN: {
      title: '签发',
      schema: z.object({ signer: z.string() }),
      check: async ({ payload, directory }) => {
        const signer = await directory.getUser(String(payload.signer));
        if (!signer?.roles.includes('leader')) throw new ValidationFailed('签发人须为领导');
      },
    },
  },
  tasks: ({ snapshot, facts }) =>
    snapshot.matches('pending')
      ? [
          {
            key: 'sign:superior',
            kind: 'act',
            label: '签发',
            assignees: { superiorOf: facts.startedBy },
            events: ['SIGN'],
          },
        ]
      : [],
  header: (snapshot) => ({ title: '签发测试', fields: { docNumber: snapshot.context.docNumber } }),
});

describe('event hooks', () => {
  it('numbers an event, tells the machine which task admitted the actor, and runs directory checks', async () => {
    const store = createMemoryStore();
    await loadSampleOrg(store.directory);
    const engine = createWorkflowEngine({
      store,
      directory: createStoreDirectory(store.directory),
      clock: manualClock('2026-11-25T01:00:00Z'),
      workflows: [signing],
    });
    // sun's superior is qian.
    const a = await engine.start({
      workflow: 'signing',
      actorId: 'sun',
      commandId: 'a',
      input: {},
    });
    const refused = await engine
      .send({
        caseId: a.caseId,
        actorId: 'qian',
        commandId: 'a1',
        event: { type: 'SIGN', signer: 'sun' },
      })
      .catch((e: unknown) => e);
    expect((refused as GongwenError).code).toBe('VALIDATION_FAILED');
    expect(await store.currentSerial('demo', '文号:示政发:2026')).toBe(0);

    await engine.send({
      caseId: a.caseId,
      actorId: 'qian',
      commandId: 'a2',
      event: { type: 'SIGN', signer: 'zhang' },
    });
    const signed = await engine.case(a.caseId);
    expect(signed.fields.docNumber).toBe('示政发〔2026〕1号');
    expect((signed.snapshot as { context: { signedVia: string[] } }).context.signedVia).toEqual([
      'sign:superior',
    ]);

    const b = await engine.start({
      workflow: 'signing',
      actorId: 'sun',
      commandId: 'b',
      input: {},
    });
    await engine.send({
      caseId: b.caseId,
      actorId: 'qian',
      commandId: 'b1',
      event: { type: 'SIGN', signer: 'chen' },
    });
    expect((await engine.case(b.caseId)).fields.docNumber).toBe('示政发〔2026〕2号');
  });
});
