import { describe, expect, it } from 'vitest';
import type { AnyMachineSnapshot } from 'xstate';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { modelPaths, runModelPaths } from '../../testing/model-paths.ts';
import { stateToString } from '../../util/state-value.ts';
import type { PetitionContext, PetitionEvent } from './context.ts';
import { extendedDays, pendingExtension } from './context-queries.ts';
import { ZPetitionRegistration } from './fields.ts';
import { petitionHarness, sampleVisit } from './testing-harness.ts';

const AT = '2026-12-01T02:00:00.000Z';
const DAY = '2026-12-01';
const meta = (actorId: string) => ({ actorId, onBehalfOf: null, at: AT, caseId: 'model' });
const notice = { noticeIssuedOn: DAY, noticeMethod: '当面送达' };

/** Every step by the right people, plus steps by wrong people and with dates out of range. */
const EVENTS: PetitionEvent[] = [
  { type: 'ACCEPT', meta: meta('fu') },
  { type: 'DECLINE', reason: '已经依法处理完毕', ...notice, meta: meta('fu') },
  {
    type: 'DECLINE',
    reason: '告知日期在收信之前',
    ...notice,
    noticeIssuedOn: '2026-11-30',
    meta: meta('fu'),
  },
  { type: 'TRANSFER', toUnit: '市自然资源和规划局', ...notice, meta: meta('xin') },
  { type: 'ASSIGN', departmentId: 'finance', disclosePetitioner: false, meta: meta('xin') },
  { type: 'ASSIGN_HANDLER', handlerId: 'sun', meta: meta('zhao') },
  { type: 'REQUEST_EXTENSION', days: 20, reason: '需现场勘验', meta: meta('sun') },
  { type: 'REQUEST_EXTENSION', days: 15, reason: '需补充调查', meta: meta('sun') },
  { type: 'REQUEST_EXTENSION', days: 10, reason: '不是承办人', meta: meta('qian') },
  { type: 'APPROVE_EXTENSION', ...notice, meta: meta('xin') },
  { type: 'DENY_EXTENSION', reason: '无正当理由', meta: meta('xin') },
  { type: 'SUBMIT_REPLY', opinion: '经核实……', attachments: [], meta: meta('sun') },
  { type: 'SUBMIT_REPLY', opinion: '不是承办人', attachments: [], meta: meta('qian') },
  { type: 'APPROVE_REPLY', deliveredOn: DAY, method: '当面送达', meta: meta('zhao') },
  { type: 'APPROVE_REPLY', deliveredOn: '2026-12-09', method: '邮寄', meta: meta('zhao') },
  { type: 'APPROVE_REPLY', deliveredOn: DAY, method: '邮寄', meta: meta('tu') },
  { type: 'RETURN_REPLY', reason: '事实不清', meta: meta('zhao') },
  { type: 'RECORD_SATISFACTION', rating: '满意', meta: meta('xin') },
  { type: 'RECORD_SATISFACTION', rating: '不满意', meta: meta('xin') },
  {
    type: 'REQUEST_REVIEW',
    requestedOn: DAY,
    reviewBody: '县人民政府',
    reviewerId: 'li',
    meta: meta('xin'),
  },
  {
    type: 'REQUEST_REVIEW',
    requestedOn: '2027-03-01',
    reviewBody: '县人民政府',
    reviewerId: 'li',
    meta: meta('xin'),
  },
  {
    type: 'GIVE_REVIEW_OPINION',
    outcome: '维持',
    opinion: '维持',
    deliveredOn: DAY,
    meta: meta('li'),
  },
  {
    type: 'GIVE_REVIEW_OPINION',
    outcome: '撤销',
    opinion: '不是经办人',
    deliveredOn: DAY,
    meta: meta('zhao'),
  },
  {
    type: 'REQUEST_RECHECK',
    requestedOn: DAY,
    reviewBody: '市人民政府',
    reviewerId: 'zhang',
    meta: meta('xin'),
  },
  {
    type: 'GIVE_RECHECK_OPINION',
    outcome: '变更',
    opinion: '变更',
    deliveredOn: DAY,
    meta: meta('zhang'),
  },
  {
    type: 'GIVE_RECHECK_OPINION',
    outcome: '维持',
    opinion: '不是经办人',
    deliveredOn: DAY,
    meta: meta('li'),
  },
  { type: 'CLOSE', reason: '信访人表示不再申请', meta: meta('xin') },
  { type: 'REMIND', note: '请抓紧', meta: meta('xin') },
  { type: 'ARCHIVE', meta: meta('xin') },
] as PetitionEvent[];

/** The state as the model sees it (counters that only grow are left out). */
function serialize(s: AnyMachineSnapshot): string {
  const c = s.context as PetitionContext;
  return JSON.stringify({
    v: s.value,
    d: c.decision?.kind ?? null,
    h: c.department?.handler ?? null,
    x: [extendedDays(c), pendingExtension(c)?.days ?? 0],
    r: c.reply ? c.reply.approvedBy !== null : null,
    s: c.satisfaction?.rating ?? null,
    rv: c.review?.outcome ?? (c.review ? 'open' : null),
    rc: c.recheck?.outcome ?? (c.recheck ? 'open' : null),
    o: c.outcome,
    m: c.reminders.length > 0,
  });
}

describe('信访 machine, model-based through the engine', async () => {
  const probe = await petitionHarness(createMemoryStore(), AT);
  const machine = probe.workflow.machine;
  const input = { ...ZPetitionRegistration.parse(sampleVisit()), meta: meta('xin') };
  const model = { machine, input, events: EVENTS, serialize };
  const paths = modelPaths({
    ...model,
    start: async () => '',
    send: async () => undefined,
    engine: probe.engine,
  });

  it('reaches every state of the statechart', () => {
    const reached = new Set(paths.map((p) => stateToString(p.state.value)));
    expect([...reached].sort()).toEqual([
      'answered',
      'archived',
      'awaitingRecheck',
      'awaitingReview',
      'concluded',
      'processing.accepted',
      'processing.approving',
      'processing.assigning',
      'processing.investigating',
      'rechecking',
      'registered',
      'reviewing',
    ]);
    expect(paths.length).toBeGreaterThan(100);
  });

  it('every path runs through the engine to the same state, and everything else is refused', async () => {
    const h = await petitionHarness(createMemoryStore(), AT);
    const refusals = await runModelPaths({
      ...model,
      start: async () => (await h.register(sampleVisit())).caseId,
      send: (caseId, actorId, event) => h.send(caseId, actorId, event),
      engine: h.engine,
    });
    expect(refusals).toBeGreaterThan(1000);
  }, 300_000);
});
