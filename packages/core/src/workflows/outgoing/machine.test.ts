import { getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, initialTransition, transition } from 'xstate';
import { isGongwenError } from '../../errors.ts';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { SAMPLE_ORG } from '../../testing/sample-org.ts';
import { stateToString } from '../../util/state-value.ts';
import type { AssigneeRule } from '../../workflow/assignee-rule.ts';
import { TEST_ORG_DEPARTMENTS, TEST_ORG_USERS } from '../shared/test-org.ts';
import type { OutgoingContext, OutgoingEvent } from './context.ts';
import { currentDocNumber } from './doc-numbers.ts';
import { ZCreateOutgoingDraft } from './fields.ts';
import { outgoingTasks } from './steps.ts';
import { OUTGOING_TEST_USERS, sampleDraft } from './test-org.ts';
import { body, outgoingHarness } from './testing-harness.ts';

const AT = '2026-11-25T01:00:00.000Z';
const meta = (actorId: string) => ({ actorId, onBehalfOf: null, at: AT, caseId: 'model' });
const serial = (value: number) => ({ scope: '发文:示政办发:2026', value });
/** The model's drafts go to one external unit, so 分发 needs no 收文 case. */
const DRAFT = sampleDraft({ mainRecipients: [{ name: '市财政局' }], ccRecipients: [] });

/** A small but complete event alphabet: every step, 退回 and 撤回, by the right people. */
const EVENTS: OutgoingEvent[] = [
  { type: 'EDIT', body: ZCreateOutgoingDraft.parse(DRAFT).body, meta: meta('xu') },
  { type: 'EDIT', body: body('核稿修改'), meta: meta('li') },
  { type: 'SUBMIT', meta: meta('xu') },
  { type: 'CANCEL', reason: '不再发文', meta: meta('xu') },
  {
    type: 'CHECK',
    opinion: '请会签',
    countersign: {
      mode: 'sequence',
      departments: [
        { departmentId: 'finance', memberOpinionTo: 'head' },
        { departmentId: 'education', memberOpinionTo: 'next' },
      ],
    },
    signer: 'zhang',
    meta: meta('li'),
  },
  { type: 'RETURN', reason: '请重拟', meta: meta('li') },
  { type: 'WITHDRAW', meta: meta('xu') },
  { type: 'WITHDRAW', meta: meta('li') },
  { type: 'ASSIGN_MEMBER', departmentId: 'finance', memberId: 'qian', meta: meta('zhao') },
  { type: 'WITHDRAW', departmentId: 'finance', meta: meta('zhao') },
  {
    type: 'COUNTERSIGN',
    departmentId: 'finance',
    opinion: '建议修改',
    agree: true,
    meta: meta('qian'),
  },
  { type: 'WITHDRAW', departmentId: 'finance', meta: meta('qian') },
  {
    type: 'COUNTERSIGN',
    departmentId: 'finance',
    opinion: '同意',
    agree: true,
    meta: meta('zhao'),
  },
  { type: 'ASSIGN_MEMBER', departmentId: 'education', memberId: 'lu', meta: meta('he') },
  {
    type: 'COUNTERSIGN',
    departmentId: 'education',
    opinion: '无意见',
    agree: true,
    meta: meta('lu'),
  },
  {
    type: 'COUNTERSIGN',
    departmentId: 'education',
    opinion: '同意',
    agree: true,
    meta: meta('he'),
  },
  { type: 'COUNTERSIGN_AGAIN', meta: meta('xu') },
  { type: 'SEND_TO_RECHECK', meta: meta('xu') },
  { type: 'RECHECK', opinion: '复核通过', meta: meta('zhou') },
  { type: 'RETURN', reason: '格式不规范', meta: meta('zhou') },
  { type: 'WITHDRAW', meta: meta('zhou') },
  { type: 'SIGN', opinion: '同意', meta: { ...meta('zhang'), serial: serial(1) } },
  { type: 'REJECT', reason: '不宜发文', meta: meta('zhang') },
  { type: 'RETURN_FOR_REVISION', reason: '大改', meta: meta('zhang') },
  { type: 'WITHDRAW', meta: meta('zhang') },
  { type: 'FINALIZE', mode: 'auto', meta: meta('xu') },
  { type: 'VOID_DOC_NUMBER', reason: '错号', meta: { ...meta('wang'), serial: serial(2) } },
  // SEAL carries the 文号 the model took (1 at 签发, 2 after voiding); replay uses the engine's
  ...[1, 2].map(
    (n): OutgoingEvent => ({
      type: 'SEAL',
      pdfBlobKey: 'blob-pdf',
      pdfSha256: 'a'.repeat(64),
      pageCount: 2,
      certificateSerial: '0a',
      signerName: '示例县人民政府',
      sealId: 'seal-gov',
      docNumber: `示政办发〔2026〕${n}号`,
      sealedAt: AT,
      meta: meta('wang'),
    }),
  ),
  {
    type: 'DISTRIBUTE',
    deliveries: [{ recipient: 'ext:0', method: '机要交换' }],
    meta: meta('wang'),
  },
  { type: 'REMIND_RECEIPTS', note: '请催收', meta: meta('wang') },
  { type: 'RECORD_RECEIPT', recipient: 'ext:0', receivedBy: '刘收发', meta: meta('zhou') },
  { type: 'ARCHIVE', meta: meta('wang') },
];

const USERS = [...SAMPLE_ORG.users, ...TEST_ORG_USERS, ...OUTGOING_TEST_USERS].filter(
  (u) => u.active && u.unitId === 'demo',
);
const DEPARTMENTS = [...SAMPLE_ORG.departments, ...TEST_ORG_DEPARTMENTS];

/** Who a task rule names in the test organisation (what the engine's resolver answers). */
function resolve(rule: AssigneeRule, drafter: string): string[] {
  if ('user' in rule) return [rule.user];
  if ('users' in rule) return [...rule.users];
  if ('starter' in rule) return [drafter];
  if ('role' in rule) return USERS.filter((u) => u.roles.includes(rule.role)).map((u) => u.id);
  if ('headOf' in rule) return [DEPARTMENTS.find((d) => d.id === rule.headOf)?.headUserId ?? ''];
  if ('superiorOf' in rule) return [USERS.find((u) => u.id === rule.superiorOf)?.superiorId ?? ''];
  return rule.anyOf.flatMap((r) => resolve(r, drafter));
}

/**
 * The alphabet in a state, with `meta.taskKeys` as the engine would set them: the open tasks
 * of the state that list the event and name the sender. So the model admits exactly whom the
 * engine admits.
 */
function eventsIn(s: AnyMachineSnapshot): OutgoingEvent[] {
  const ctx = s.context as OutgoingContext;
  const tasks = s.status === 'active' ? outgoingTasks(stateToString(s.value), ctx) : [];
  return EVENTS.map((e) => ({
    ...e,
    meta: {
      ...e.meta,
      taskKeys: tasks
        .filter(
          (t) =>
            t.events.includes(e.type) && resolve(t.assignees, ctx.drafter).includes(e.meta.actorId),
        )
        .map((t) => t.key),
    },
  })) as OutgoingEvent[];
}

/** The state as the model sees it: counters, versions and times that only grow are left out. */
function serialize(s: AnyMachineSnapshot): string {
  const c = s.context as OutgoingContext;
  return JSON.stringify({
    v: s.value,
    w: c.withdrawable,
    check: c.check !== null,
    cs: c.countersign.map((d) => [d.status, d.member, d.withdrawable?.kind ?? null]),
    must: c.mustCountersign,
    recheck: c.recheck !== null,
    signed: c.signing !== null,
    number: currentDocNumber(c) !== null,
    voided: c.docNumbers.some((n) => n.voidedAt !== null),
    finalized: c.finalized !== null,
    sealed: c.seal !== null,
    receipts: c.recipients.map((r) => r.receipt !== null),
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

/**
 * The event as the engine receives it (no meta). SEAL names a 文号: the model's current number
 * stands for the engine's current one (the engine's sequence runs on across paths); any other
 * number stays wrong.
 */
function payloadOf(e: OutgoingEvent, model: AnyMachineSnapshot, engineNumber: string | null) {
  const { meta: m, ...event } = e;
  let payload: Record<string, unknown> = event;
  if (event.type === 'SEAL') {
    const current = currentDocNumber(model.context as OutgoingContext)?.docNumber;
    payload = {
      ...event,
      docNumber: event.docNumber === current && engineNumber ? engineNumber : '不是本件文号',
    };
  }
  return { actorId: m.actorId, event: payload as { type: string; [k: string]: unknown } };
}

describe('发文 machine, model-based through the engine', async () => {
  const probe = await outgoingHarness(createMemoryStore());
  const machine = probe.workflow.machine;
  const input = { ...ZCreateOutgoingDraft.parse(DRAFT), meta: meta('xu') };
  const paths = getShortestPaths(machine, {
    input,
    events: (s) => eventsIn(s as AnyMachineSnapshot),
    serializeState: (s) => serialize(s as AnyMachineSnapshot) as never,
  });

  it('reaches every step of the statechart', () => {
    const reached = new Set(paths.map((p) => stateToString(p.state.value)));
    expect([...reached].sort()).toEqual([
      'archived',
      'cancelled',
      'checking',
      'collecting',
      'consolidating',
      'countersigning',
      'dispatching',
      'distributed',
      'drafting',
      'finalizing',
      'rechecking',
      'rejected',
      'sealing',
      'signing',
    ]);
    expect(paths.length).toBeGreaterThan(150);
  });

  it('every path runs through the engine to the same state, and everything else is refused', async () => {
    const h = await outgoingHarness(createMemoryStore(), AT);
    for (const path of paths) {
      const { caseId } = await h.engine.start({
        workflow: 'outgoing',
        actorId: 'xu',
        commandId: h.cmd(),
        input: DRAFT,
      });
      let c = await h.engine.case(caseId);
      let snapshot = machine.resolveState(c.snapshot as never) as AnyMachineSnapshot;
      for (const [i, step] of path.steps.entries()) {
        if (i === 0) continue;
        const { actorId, event } = payloadOf(
          step.event as OutgoingEvent,
          path.steps[i - 1]!.state as AnyMachineSnapshot,
          c.fields.docNumber as string | null,
        );
        await h.send(caseId, actorId, event).catch((err: Error) => {
          throw new Error(
            `${event.type} by ${actorId} after ${serialize(snapshot)}: ${err.message}`,
          );
        });
        c = await h.engine.case(caseId);
        snapshot = machine.resolveState(c.snapshot as never) as AnyMachineSnapshot;
        expect(serialize(snapshot), `path to ${serialize(path.state)}`).toBe(
          serialize(step.state as AnyMachineSnapshot),
        );
      }
      // refusals: every event the model does not take here is refused and writes nothing
      const rev = c.rev;
      // judged on the model's own state (same serialisation; its 文号 is the model's)
      const model = path.state as AnyMachineSnapshot;
      for (const e of eventsIn(model)) {
        const [next] = transition(machine, model, e as never);
        if (!unchanged(model, next as AnyMachineSnapshot)) continue;
        const { actorId, event } = payloadOf(
          e,
          path.state as AnyMachineSnapshot,
          c.fields.docNumber as string | null,
        );
        const outcome = await h.send(caseId, actorId, event).then(
          () => 'accepted',
          (err: unknown) => (isGongwenError(err) ? err.code : String(err)),
        );
        // a SEAL naming another 文号 is refused by the event's check before the machine
        const refusals =
          e.type === 'SEAL' &&
          event.docNumber === '不是本件文号' &&
          stateToString(snapshot.value) === 'sealing'
            ? ['VALIDATION_FAILED']
            : ['NOT_PERMITTED', 'INVALID_EVENT'];
        expect(refusals, `${e.type} by ${actorId} in ${serialize(snapshot)}`).toContain(outcome);
      }
      expect((await h.engine.case(caseId)).rev).toBe(rev);
      expect((await h.engine.verifyLedger(caseId)).ok).toBe(true);
    }
  }, 180_000);
});

describe('发文 machine: 会签 steps are pinned to the task that admitted the sender', async () => {
  const probe = await outgoingHarness(createMemoryStore());
  const machine = probe.workflow.machine;
  const input = { ...ZCreateOutgoingDraft.parse(DRAFT), meta: meta('xu') };
  const via = (actorId: string, taskKeys: string[]) => ({ ...meta(actorId), taskKeys });
  const run = (events: OutgoingEvent[]) => {
    let s: AnyMachineSnapshot = initialTransition(machine, input)[0];
    for (const e of events) s = transition(machine, s as never, e)[0];
    return s;
  };
  const parallel = run([
    { type: 'SUBMIT', meta: meta('xu') },
    {
      type: 'CHECK',
      opinion: '请会签',
      countersign: {
        mode: 'parallel',
        departments: [
          { departmentId: 'finance', memberOpinionTo: 'head' },
          { departmentId: 'education', memberOpinionTo: 'head' },
        ],
      },
      signer: 'zhang',
      meta: meta('li'),
    },
  ]);

  it('a head admitted through one department’s task cannot act for another', () => {
    expect(parallel.value).toBe('countersigning');
    const [refused] = transition(machine, parallel, {
      type: 'COUNTERSIGN',
      departmentId: 'finance',
      opinion: '同意',
      agree: true,
      meta: via('he', ['countersign:1:education:0:head']),
    } as never);
    expect(unchanged(parallel, refused as AnyMachineSnapshot)).toBe(true);
    const [ok] = transition(machine, parallel, {
      type: 'COUNTERSIGN',
      departmentId: 'finance',
      opinion: '同意',
      agree: true,
      meta: via('zhao', ['countersign:1:finance:0:head']),
    } as never);
    expect((ok.context as OutgoingContext).countersign[0]).toMatchObject({
      id: 'finance',
      status: 'done',
      head: 'zhao',
    });
  });

  it('in sequence only the first unfinished department may act', () => {
    const seq = run([
      { type: 'SUBMIT', meta: meta('xu') },
      {
        type: 'CHECK',
        opinion: '请会签',
        countersign: {
          mode: 'sequence',
          departments: [
            { departmentId: 'finance', memberOpinionTo: 'head' },
            { departmentId: 'education', memberOpinionTo: 'head' },
          ],
        },
        signer: 'zhang',
        meta: meta('li'),
      },
    ]);
    const [refused] = transition(machine, seq, {
      type: 'COUNTERSIGN',
      departmentId: 'education',
      opinion: '同意',
      agree: true,
      meta: meta('he'),
    } as never);
    expect(unchanged(seq, refused as AnyMachineSnapshot)).toBe(true);
  });
});
