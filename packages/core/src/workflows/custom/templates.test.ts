import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { FLOW_TEMPLATES } from './templates.ts';
import { customHarness } from './testing-harness.ts';

const flows = Object.values(FLOW_TEMPLATES).map((definition) => ({ definition }));

describe('the six shipped templates, end to end on the memory store', () => {
  it('请假 of 3 days: 部门负责人 only, then 人事备案 (抄送 办公室主任)', async () => {
    const h = await customHarness(createMemoryStore(), flows);
    const form = {
      kind: '事假',
      startDate: '2026-12-01',
      endDate: '2026-12-03',
      days: 3,
      summary: '家中有事',
    };
    const { caseId } = await h.start('leave', 'sun', form);
    expect(await h.holders(caseId)).toEqual(['sun']);
    await h.send(caseId, 'sun', { type: 'SUBMIT', opinion: '请批准' });
    expect(await h.holders(caseId)).toEqual(['qian']);
    const inbox = await h.engine.inbox({ actorId: 'qian' });
    expect(inbox.items.map((i) => [i.task.label, i.caseTitle])).toEqual([
      ['部门负责人审批', '请假：家中有事'],
    ]);
    expect(inbox.items[0]!.task.dueAt?.toISOString()).toBe('2026-11-27T15:59:59.999Z');
    const r = await h.send(caseId, 'qian', { type: 'APPROVE', opinion: '同意' });
    expect(r.state).toBe('n_end');
    expect(await h.openKeys(caseId)).toEqual(['cc:hr:3:li']);
    expect((await h.engine.case(caseId)).fields).toMatchObject({
      outcome: 'approved',
      nodeName: '已批准',
    });
    const done = await h.send(caseId, 'li', { type: 'READ' });
    expect(done).toMatchObject({ state: 'f_end', status: 'done' });
    expect((await h.engine.verifyLedger(caseId)).ok).toBe(true);
  });

  it('请假 of more than 3 days also goes to the 分管领导', async () => {
    const h = await customHarness(createMemoryStore(), flows);
    const form = {
      kind: '年休假',
      startDate: '2026-12-01',
      endDate: '2026-12-07',
      days: 5,
      summary: '探亲',
    };
    const { caseId } = await h.start('leave', 'sun', form);
    await h.send(caseId, 'sun', { type: 'SUBMIT' });
    await h.send(caseId, 'qian', { type: 'APPROVE', opinion: '同意' });
    expect((await h.engine.case(caseId)).state).toBe('n_leader');
    // sun → qian → zhao → chen (陈副县长, the nearest leader up the chain)
    expect(await h.holders(caseId)).toEqual(['chen']);
    await h.send(caseId, 'chen', { type: 'APPROVE', opinion: '同意' });
    await h.send(caseId, 'li', { type: 'READ' });
    const ledger = await h.engine.ledger(caseId);
    expect(ledger.map((l) => [l.event, l.actorId, l.toState])).toEqual([
      ['start', 'sun', 'n_apply'],
      ['SUBMIT', 'sun', 'n_dept'],
      ['APPROVE', 'qian', 'n_leader'],
      ['APPROVE', 'chen', 'n_end'],
      ['READ', 'li', 'f_end'],
    ]);
    expect((await h.engine.verifyLedger(caseId)).ok).toBe(true);
  });

  it('接待申请 over 5000 元 goes through 办公室主任; the secretariat fills in the arrangement', async () => {
    const h = await customHarness(createMemoryStore(), flows);
    const { caseId } = await h.start('reception', 'sun', {
      guestUnit: '市财政局调研组',
      guests: 6,
      date: '2026-12-02',
      standard: '工作餐',
      budget: 6000,
    });
    await h.send(caseId, 'sun', { type: 'SUBMIT' });
    await h.send(caseId, 'qian', { type: 'APPROVE' });
    expect(await h.holders(caseId)).toEqual(['li']);
    await h.send(caseId, 'li', { type: 'APPROVE' });
    expect(await h.holders(caseId)).toEqual(['wang', 'zhou']);
    await expect(h.send(caseId, 'zhou', { type: 'APPROVE' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '请填写“接待安排”',
    });
    const r = await h.send(caseId, 'zhou', {
      type: 'APPROVE',
      form: { arrangement: '12月2日中午机关食堂工作餐，6人' },
    });
    expect(r).toMatchObject({ state: 'f_end', status: 'done' });
    // hidden at the start node, so kept out of the case header the inbox shows …
    expect((await h.engine.case(caseId)).fields.form).not.toHaveProperty('arrangement');
    // … but recorded in the ledger with the step that wrote it
    expect((await h.engine.ledger(caseId)).at(-1)!.fields).toEqual({
      form: { arrangement: '12月2日中午机关食堂工作餐，6人' },
    });
  });

  it('用车申请 out of the county: 分管领导, then 派车 fills plate and driver', async () => {
    const h = await customHarness(createMemoryStore(), flows);
    const { caseId } = await h.start('vehicle', 'fang', {
      date: '2026-12-03',
      destination: '市财政局',
      passengers: 2,
      outOfCounty: true,
    });
    await expect(
      h.send(caseId, 'fang', { type: 'SUBMIT', form: { plate: '甲A12345' } }),
    ).rejects.toMatchObject({
      code: 'NOT_PERMITTED',
      message: '“填写用车申请”环节不能修改字段：派车车牌',
    });
    await h.send(caseId, 'fang', { type: 'SUBMIT' });
    expect(await h.holders(caseId)).toEqual(['zhao']);
    await h.send(caseId, 'zhao', { type: 'APPROVE' });
    expect(await h.holders(caseId)).toEqual(['chen']);
    await h.send(caseId, 'chen', { type: 'APPROVE' });
    await h.send(caseId, 'wang', {
      type: 'APPROVE',
      form: { plate: '甲A12345', driver: '刘师傅' },
    });
    expect((await h.engine.case(caseId)).status).toBe('done');
  });

  it('物品申领 of a 设备 goes to the 分管领导; the issuer may 加签', async () => {
    const h = await customHarness(createMemoryStore(), flows);
    const { caseId } = await h.start('supplies', 'sun', {
      items: '打印机',
      quantity: 1,
      amount: 800,
      category: '设备',
    });
    await h.send(caseId, 'sun', { type: 'SUBMIT' });
    await h.send(caseId, 'qian', { type: 'APPROVE' });
    expect(await h.holders(caseId)).toEqual(['chen']);
    await h.send(caseId, 'chen', { type: 'APPROVE' });
    await h.send(caseId, 'wang', {
      type: 'ADD_SIGN',
      users: ['li'],
      position: 'after',
      opinion: '请李主任确认',
    });
    await h.send(caseId, 'wang', { type: 'APPROVE' });
    expect(await h.holders(caseId)).toEqual(['li']);
    const r = await h.send(caseId, 'li', { type: 'APPROVE' });
    expect(r.status).toBe('done');
  });

  it('工作请示: half of the three leaders agreeing passes the 会签', async () => {
    const h = await customHarness(createMemoryStore(), flows);
    const { caseId } = await h.start('request', 'qian', {
      subject: '关于调整预算股办公用房的请示',
      content: '因人员增加，拟调整办公用房。',
    });
    await h.send(caseId, 'qian', { type: 'SUBMIT' });
    // qian heads 预算股: 部门负责人 goes to qian's superior zhao
    expect(await h.holders(caseId)).toEqual(['zhao']);
    await h.send(caseId, 'zhao', { type: 'APPROVE' });
    expect(await h.holders(caseId)).toEqual(['chen', 'ma', 'zhang']);
    await h.send(caseId, 'ma', { type: 'REJECT', opinion: '暂缓' });
    await h.send(caseId, 'chen', { type: 'APPROVE' });
    expect(await h.holders(caseId)).toEqual(['zhang']);
    await h.send(caseId, 'zhang', { type: 'APPROVE', opinion: '同意' });
    expect(await h.holders(caseId)).toEqual(['li']);
    const r = await h.send(caseId, 'li', { type: 'APPROVE', form: { result: '已调整至三楼' } });
    expect(r.status).toBe('done');
  });

  it('值班调换: the substitute named in the form confirms first', async () => {
    const h = await customHarness(createMemoryStore(), flows);
    const { caseId } = await h.start('duty-swap', 'fang', {
      dutyDate: '2026-12-05',
      swapDate: '2026-12-12',
      substitute: 'kong',
      reason: '家中有事',
    });
    await h.send(caseId, 'fang', { type: 'SUBMIT' });
    expect(await h.holders(caseId)).toEqual(['kong']);
    await h.send(caseId, 'kong', { type: 'APPROVE', opinion: '同意替班' });
    expect(await h.holders(caseId)).toEqual(['zhao']);
    const r = await h.send(caseId, 'zhao', { type: 'APPROVE' });
    expect(r.state).toBe('n_end');
    expect((await h.engine.case(caseId)).assignments.map((a) => a.candidates[0]).sort()).toEqual([
      'wang',
      'zhou',
    ]);
    await h.send(caseId, 'wang', { type: 'READ' });
    const last = await h.send(caseId, 'zhou', { type: 'READ' });
    expect(last.status).toBe('done');
  });

  it('值班调换 refuses a substitute who is not an active member of the unit', async () => {
    const h = await customHarness(createMemoryStore(), flows);
    const { caseId } = await h.start('duty-swap', 'fang', {
      dutyDate: '2026-12-05',
      swapDate: '2026-12-12',
      reason: '家中有事',
    });
    await expect(
      h.send(caseId, 'fang', { type: 'SUBMIT', form: { substitute: 'retired' } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '人员须为本单位在职人员：retired',
    });
  });
});
