import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import type { PetitionContext } from './context.ts';
import { petitionNotice, petitionNoticeText } from './notice.ts';
import { petitionStatistics } from './statistics.ts';
import { petitionHarness, sampleLetter, sampleVisit } from './testing-harness.ts';

const code = (c: string) => expect.objectContaining({ code: c });
const ctxOf = async (h: Awaited<ReturnType<typeof petitionHarness>>, caseId: string) =>
  ((await h.engine.case(caseId)).snapshot as { context: PetitionContext }).context;

describe('信访 end to end on the memory store', () => {
  it('来访 → 受理 → 交办 → 答复 → 不满意 → 复查 → 复核 → 终结 → 归档, with a verified ledger', async () => {
    const h = await petitionHarness(createMemoryStore());
    const { caseId } = await h.register(sampleVisit());
    let c = await h.engine.case(caseId);
    expect(c.fields.serialNo).toBe('示信〔2026〕1号');
    expect(c.state).toBe('registered');
    // 15 days from Tuesday 2026-12-01: Wednesday 2026-12-16
    expect(c.fields.deadline).toBe('2026-12-16T15:59:59.999Z');
    expect(c.title).not.toContain('王建民');
    await expect(h.send(caseId, 'sun', { type: 'ACCEPT' })).rejects.toEqual(code('NOT_PERMITTED'));
    h.clock.set('2026-12-02T02:00:00Z');
    await h.send(caseId, 'fu', { type: 'ACCEPT', note: '属本机关职责' });
    await h.send(caseId, 'xin', {
      type: 'ASSIGN',
      departmentId: 'finance',
      disclosePetitioner: false,
    });
    c = await h.engine.case(caseId);
    expect(c.state).toBe('processing.assigning');
    // 60 days from 2026-12-02: Saturday 2027-01-31 → Monday 2027-02-01
    expect(c.fields.handleBy).toBe('2027-02-01T15:59:59.999Z');
    await h.send(caseId, 'zhao', { type: 'ASSIGN_HANDLER', handlerId: 'sun' });
    await h.send(caseId, 'sun', {
      type: 'SUBMIT_REPLY',
      opinion: '经核实，补偿款已于12月10日前补发到位。',
      findings: '调阅拆迁补偿协议及发放凭证。',
    });
    await h.send(caseId, 'zhao', {
      type: 'APPROVE_REPLY',
      deliveredOn: '2026-12-02',
      method: '当面送达',
    });
    await h.send(caseId, 'xin', { type: 'RECORD_SATISFACTION', rating: '不满意' });
    c = await h.engine.case(caseId);
    expect(c.state).toBe('awaitingReview');
    const timers = await h.store.listTimers(caseId);
    // 30 days from 2026-12-02: Friday 2027-01-01 (New Year's Day; 2027 not bundled → weekday)
    expect(timers.map((t) => [t.sendId, t.dueAt.toISOString()])).toEqual([
      ['petition-window-closed', '2027-01-01T15:59:59.999Z'],
    ]);
    h.clock.set('2026-12-10T02:00:00Z');
    await h.send(caseId, 'xin', {
      type: 'REQUEST_REVIEW',
      requestedOn: '2026-12-09',
      reviewBody: '示例县人民政府',
      reviewerId: 'li',
    });
    await h.send(caseId, 'li', {
      type: 'GIVE_REVIEW_OPINION',
      outcome: '维持',
      opinion: '原处理意见事实清楚，予以维持。',
      deliveredOn: '2026-12-10',
    });
    await h.send(caseId, 'xin', {
      type: 'REQUEST_RECHECK',
      requestedOn: '2026-12-10',
      reviewBody: '市人民政府',
      reviewerId: 'zhang',
    });
    await h.send(caseId, 'zhang', {
      type: 'GIVE_RECHECK_OPINION',
      outcome: '维持',
      opinion: '复核维持，信访事项终结。',
      deliveredOn: '2026-12-10',
    });
    c = await h.engine.case(caseId);
    expect(c.state).toBe('concluded');
    expect(c.fields.outcome).toBe('terminated');
    await h.send(caseId, 'xin', { type: 'ARCHIVE' });
    c = await h.engine.case(caseId);
    expect(c.status).toBe('done');
    expect((await h.engine.verifyLedger(caseId)).ok).toBe(true);
    const ctx = await ctxOf(h, caseId);
    expect(ctx.recheck?.outcome).toBe('维持');
    const ledger = await h.engine.ledger(caseId);
    expect(JSON.stringify(ledger[0]!.fields)).not.toContain('330102197805061234');
    expect(JSON.stringify(ledger[0]!.fields)).toContain('3301**********1234');
  });
});

describe('信访 refusals, 告知书 and statistics', () => {
  it('refuses invalid fields, wrong people and late dates; writes the 不予受理告知书', async () => {
    const h = await petitionHarness(createMemoryStore());
    // only 信访专员 register; invalid registrations are refused and take no number
    await expect(h.register(sampleVisit(), 'sun')).rejects.toEqual(code('NOT_PERMITTED'));
    await expect(h.register(sampleVisit({ headcount: 6 }))).rejects.toEqual(
      code('VALIDATION_FAILED'),
    );
    await expect(
      h.register(sampleVisit({ visitors: [{ name: '王建民', idNumber: '12345' }] })),
    ).rejects.toEqual(code('VALIDATION_FAILED'));
    await expect(h.register(sampleVisit({ category: '无此类别' }))).rejects.toEqual(
      code('VALIDATION_FAILED'),
    );
    const collective = await h.register(
      sampleVisit({ headcount: 12, representatives: ['王建民'] }),
    );
    expect((await h.engine.case(collective.caseId)).fields).toMatchObject({
      serialNo: '示信〔2026〕1号',
      collective: true,
      petitioner: '王**等12人',
    });
    const { caseId } = await h.register(sampleLetter());
    expect((await h.engine.case(caseId)).fields.serialNo).toBe('示信〔2026〕2号');
    await expect(h.send(caseId, 'xin', { type: 'DECLINE', reason: '' })).rejects.toEqual(
      code('VALIDATION_FAILED'),
    );
    await expect(
      h.send(caseId, 'xin', {
        type: 'DECLINE',
        reason: '已经依法终结',
        noticeIssuedOn: '2026-12-05',
        noticeMethod: '邮寄',
      }),
    ).rejects.toEqual(code('INVALID_EVENT'));
    // nobody has a 办理 step before 交办
    await expect(h.send(caseId, 'xin', { type: 'SUBMIT_REPLY', opinion: 'x' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await h.send(caseId, 'xin', {
      type: 'DECLINE',
      reason: '该事项已经依法终结',
      noticeIssuedOn: '2026-12-01',
      noticeMethod: '邮寄',
    });
    const ctx = await ctxOf(h, caseId);
    const n = petitionNotice(ctx, 'decline', { issuer: '示例县人民政府信访局' });
    expect(n.title).toBe('信访事项不予受理告知书');
    expect(n.addressee).toBe('李秀兰：');
    expect(petitionNoticeText(n)).toContain('该事项已经依法终结');
    expect(() => petitionNotice(ctx, 'accept', { issuer: 'x' })).toThrow();
    const stats = petitionStatistics([ctx, await ctxOf(h, collective.caseId)]);
    expect(stats).toMatchObject({
      total: 2,
      letters: 1,
      visits: 1,
      collectiveVisits: 1,
      declined: 1,
      byCategory: { 环境保护: 1, 征地拆迁: 1 },
      onTimeRate: null,
    });
  });
});
