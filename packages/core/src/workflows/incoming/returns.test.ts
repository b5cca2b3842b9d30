import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { projectIncomingLedger } from './ledger-projection.ts';
import {
  incomingHarness,
  STANDARD_PROPOSAL,
  sampleRegistration,
  toProcessing,
} from './testing-harness.ts';

const setup = () => incomingHarness(createMemoryStore());
const code = (code: string) => expect.objectContaining({ code });

describe('收文 退回 (return, reason required)', () => {
  it('the office director returns the proposal to 拟办', async () => {
    const h = await setup();
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', STANDARD_PROPOSAL);
    await expect(h.send(caseId, 'li', { type: 'RETURN' })).rejects.toEqual(
      code('VALIDATION_FAILED'),
    );
    await expect(h.send(caseId, 'li', { type: 'RETURN', reason: '  ' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [expect.objectContaining({ message: '请填写退回理由' })] },
    });
    const r = await h.send(caseId, 'li', { type: 'RETURN', reason: '主办部门不妥' });
    expect(r.state).toBe('proposing');
    expect(await h.openKeys(caseId)).toEqual(['propose:1:0']);
    const c = await h.engine.case(caseId);
    expect(c.assignments[0]!.label).toBe('拟办（被退回）');
    expect((c.snapshot as { context: { returned: unknown } }).context.returned).toMatchObject({
      by: 'li',
      reason: '主办部门不妥',
      fromStep: '审阅',
    });
    // the secretariat proposes again; a new round starts
    await h.send(caseId, 'wang', {
      ...STANDARD_PROPOSAL,
      mainDepartment: 'education',
      assistDepartments: ['finance'],
    });
    expect(await h.openKeys(caseId)).toEqual(['review:2']);
  });

  it('拟办 returns to 签收登记; the registrar corrects it and keeps the 收文编号', async () => {
    const h = await setup();
    const { caseId } = await h.register('wang');
    await expect(h.send(caseId, 'li', { type: 'RETURN', reason: 'x' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    const r = await h.send(caseId, 'zhou', { type: 'RETURN', reason: '来文单位登记有误' });
    expect(r.state).toBe('registering');
    const c = await h.engine.case(caseId);
    expect(c.assignments).toEqual([
      expect.objectContaining({
        key: 'amend:0',
        label: '修改登记（被退回）',
        candidates: ['wang'],
      }),
    ]);
    // only the registrar corrects; the type (and so the number) cannot change
    await expect(
      h.send(caseId, 'zhou', { type: 'AMEND_REGISTRATION', ...sampleRegistration() }),
    ).rejects.toEqual(code('NOT_PERMITTED'));
    await expect(
      h.send(caseId, 'wang', {
        type: 'AMEND_REGISTRATION',
        ...sampleRegistration({ headType: '白头' }),
      }),
    ).rejects.toEqual(code('INVALID_EVENT'));
    await h.send(caseId, 'wang', {
      type: 'AMEND_REGISTRATION',
      ...sampleRegistration({ senderUnit: '省财政厅' }),
    });
    const after = await h.engine.case(caseId);
    expect(after).toMatchObject({
      state: 'proposing',
      fields: { senderUnit: '省财政厅', serialNo: '收〔2026〕0001' },
    });
    expect(await h.openKeys(caseId)).toEqual(['propose:0:1']);
    const row = projectIncomingLedger(after, await h.engine.ledger(caseId));
    expect(row.senderUnit).toBe('省财政厅');
  });

  it('a leader returns to 拟办 with a reason; earlier instructions of the round are void', async () => {
    const h = await setup();
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', STANDARD_PROPOSAL);
    await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
    await h.send(caseId, 'zhang', { type: 'INSTRUCT', opinion: '同意' });
    // zhang already acted: only chen may return now
    await expect(h.send(caseId, 'zhang', { type: 'RETURN', reason: 'x' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await h.send(caseId, 'chen', { type: 'RETURN', reason: '请补充教育局意见' });
    expect((await h.engine.case(caseId)).state).toBe('proposing');
    await h.send(caseId, 'zhou', STANDARD_PROPOSAL);
    await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
    expect(await h.openKeys(caseId)).toEqual(['instruct:2:zhang']);
    const ledger = await h.engine.ledger(caseId);
    expect(ledger.find((e) => e.event === 'RETURN')).toMatchObject({
      actorId: 'chen',
      opinion: '请补充教育局意见',
      fromState: 'open.instructing',
      toState: 'proposing',
    });
  });

  it('a handler returns to whoever handed it down, then to the head', async () => {
    const h = await setup();
    const caseId = await toProcessing(h);
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'qian' });
    await h.send(caseId, 'qian', { type: 'HAND_DOWN', departmentId: 'finance', handlerId: 'sun' });
    await h.send(caseId, 'sun', { type: 'RETURN', departmentId: 'finance', reason: '非本人职责' });
    expect(await h.openKeys(caseId)).toContain('handle:finance:3:handle');
    let c = await h.engine.case(caseId);
    expect(c.assignments.find((a) => a.key === 'handle:finance:3:handle')!.candidates).toEqual([
      'qian',
    ]);
    await h.send(caseId, 'qian', { type: 'RETURN', departmentId: 'finance', reason: '请另行安排' });
    c = await h.engine.case(caseId);
    expect(c.assignments.find((a) => a.key === 'handle:finance:4:assign')!.candidates).toEqual([
      'zhao',
    ]);
  });

  it('the head sends a result back to the handler with a reason', async () => {
    const h = await setup();
    const caseId = await toProcessing(h);
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' });
    await h.send(caseId, 'sun', { type: 'SUBMIT_RESULT', departmentId: 'finance', result: '初稿' });
    await expect(
      h.send(caseId, 'zhao', { type: 'SEND_BACK', departmentId: 'finance' }),
    ).rejects.toEqual(code('VALIDATION_FAILED'));
    await h.send(caseId, 'zhao', {
      type: 'SEND_BACK',
      departmentId: 'finance',
      reason: '数据不全',
    });
    const c = await h.engine.case(caseId);
    expect(c.assignments.find((a) => a.key.startsWith('handle:finance'))).toMatchObject({
      key: 'handle:finance:3:handle',
      candidates: ['sun'],
    });
    // the sent-back result can be resubmitted and confirmed
    await h.send(caseId, 'sun', { type: 'SUBMIT_RESULT', departmentId: 'finance', result: '补全' });
    await h.send(caseId, 'zhao', { type: 'CONFIRM', departmentId: 'finance' });
    expect((await h.engine.case(caseId)).fields.departments).toContainEqual(
      expect.objectContaining({ id: 'finance', status: 'done' }),
    );
  });
});
