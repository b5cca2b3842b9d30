import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { outgoingContextOf } from './case-context.ts';
import { projectOutgoingLedger } from './ledger-projection.ts';
import {
  body,
  outgoingHarness,
  STANDARD_CHECK,
  toCountersign,
  toSigning,
} from './testing-harness.ts';

const code = (c: string) => expect.objectContaining({ code: c });

describe('发文 退回 (reason required)', () => {
  it('核稿 returns to the drafter, who redrafts and submits again', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const { caseId } = await h.draft();
    await h.send(caseId, 'xu', { type: 'SUBMIT' });
    await expect(h.send(caseId, 'li', { type: 'RETURN', reason: ' ' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [expect.objectContaining({ message: '请填写退回理由' })] },
    });
    const r = await h.send(caseId, 'li', { type: 'RETURN', reason: '标题不准确' });
    expect(r.state).toBe('drafting');
    const c = await h.engine.case(caseId);
    expect(c.assignments).toEqual([
      expect.objectContaining({ key: 'draft:1', label: '拟稿（被退回）', candidates: ['xu'] }),
    ]);
    expect(outgoingContextOf(c).returned).toMatchObject({
      by: 'li',
      reason: '标题不准确',
      fromStep: '核稿',
    });
    await h.send(caseId, 'xu', {
      type: 'EDIT',
      body: body('改'),
      header: { title: '关于做好节日安全生产工作的通知' },
    });
    await h.send(caseId, 'xu', { type: 'SUBMIT' });
    expect(await h.openKeys(caseId)).toEqual(['check:1']);
    let c2 = await h.engine.case(caseId);
    expect(c2.title).toBe('关于做好节日安全生产工作的通知');
    // a header change touches only the fields it names
    expect(c2.fields).toMatchObject({
      keywords: ['安全生产', '节日'],
      urgency: '加急',
      mainRecipients: [{ unitId: 'other' }, { name: '市财政局' }],
    });
    // changing the recipients changes the units to distribute to; a classified draft needs a term
    await h.send(caseId, 'li', { type: 'RETURN', reason: '抄送有误' });
    await expect(
      h.send(caseId, 'xu', { type: 'EDIT', body: body('改'), header: { secrecy: '秘密' } }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: '涉密文件须填写保密期限' });
    await h.send(caseId, 'xu', {
      type: 'EDIT',
      body: body('改'),
      header: { ccRecipients: [{ name: '县应急管理局' }, { name: '县审计局' }] },
    });
    c2 = await h.engine.case(caseId);
    expect(outgoingContextOf(c2).recipients.map((r) => [r.key, r.list])).toEqual([
      ['unit:other', 'main'],
      ['ext:0', 'main'],
      ['ext:1', 'cc'],
      ['ext:2', 'cc'],
    ]);
  });

  it('复核 returns to the drafter (返还), who may send it straight back to 复核', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const caseId = await toCountersign(h, { ...STANDARD_CHECK, countersign: undefined });
    await h.send(caseId, 'zhou', { type: 'RETURN', reason: '附件说明缺失' });
    expect((await h.engine.case(caseId)).state).toBe('consolidating');
    await h.send(caseId, 'xu', { type: 'SEND_TO_RECHECK' });
    expect(await h.openKeys(caseId)).toEqual(['recheck:1:0']);
  });

  it('签发: reject ends the flow with the reason kept; nothing more can happen', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const caseId = await toSigning(h);
    const r = await h.send(caseId, 'zhang', { type: 'REJECT', reason: '时机不成熟，暂不发文' });
    expect(r).toMatchObject({ state: 'rejected', status: 'done' });
    const c = await h.engine.case(caseId);
    expect(outgoingContextOf(c).rejected).toMatchObject({
      by: 'zhang',
      reason: '时机不成熟，暂不发文',
    });
    expect(c.fields.rejectedAt).not.toBeNull();
    expect(c.fields.docNumber).toBeNull();
    await expect(h.send(caseId, 'wang', { type: 'ARCHIVE' })).rejects.toEqual(
      code('INVALID_EVENT'),
    );
    expect(projectOutgoingLedger(c, await h.engine.ledger(caseId)).rejected).toMatchObject({
      by: 'zhang',
      opinion: '时机不成熟，暂不发文',
    });
  });

  it('the drafter may abandon a draft (作废拟稿)', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const { caseId } = await h.draft();
    const r = await h.send(caseId, 'xu', { type: 'CANCEL', reason: '合并到另一份文件' });
    expect(r).toMatchObject({ state: 'cancelled', status: 'done' });
  });
});

describe('发文 撤回 (only while the next person has not acted)', () => {
  it('the drafter takes back a submission before 核稿', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const { caseId } = await h.draft();
    await h.send(caseId, 'xu', { type: 'SUBMIT' });
    await expect(h.send(caseId, 'li', { type: 'WITHDRAW' })).rejects.toEqual(code('NOT_PERMITTED'));
    expect((await h.send(caseId, 'xu', { type: 'WITHDRAW' })).state).toBe('drafting');
    await h.send(caseId, 'xu', { type: 'SUBMIT' });
    // once the checker edited, the submission can no longer be taken back
    await h.send(caseId, 'li', { type: 'EDIT', body: body('核稿修改') });
    await expect(h.send(caseId, 'xu', { type: 'WITHDRAW' })).rejects.toEqual(code('NOT_PERMITTED'));
  });

  it('the checker takes back 核稿 before any department acted; not after', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const caseId = await toCountersign(h);
    expect((await h.send(caseId, 'li', { type: 'WITHDRAW' })).state).toBe('checking');
    expect(await h.openKeys(caseId)).toEqual(['check:0']);
    await h.send(caseId, 'li', STANDARD_CHECK);
    expect(await h.openKeys(caseId)).toEqual([
      'countersign:2:education:0:head',
      'countersign:2:finance:0:head',
    ]);
    await h.send(caseId, 'zhao', {
      type: 'ASSIGN_MEMBER',
      departmentId: 'finance',
      memberId: 'qian',
    });
    await expect(h.send(caseId, 'li', { type: 'WITHDRAW' })).rejects.toEqual(code('NOT_PERMITTED'));
  });

  it('a head takes back an assignment, a member their opinion, before the next step', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const caseId = await toCountersign(h);
    await h.send(caseId, 'zhao', {
      type: 'ASSIGN_MEMBER',
      departmentId: 'finance',
      memberId: 'qian',
    });
    await h.send(caseId, 'zhao', { type: 'WITHDRAW', departmentId: 'finance' });
    expect(await h.openKeys(caseId)).toContain('countersign:1:finance:2:head');
    await h.send(caseId, 'zhao', {
      type: 'ASSIGN_MEMBER',
      departmentId: 'finance',
      memberId: 'sun',
    });
    await h.send(caseId, 'sun', {
      type: 'COUNTERSIGN',
      departmentId: 'finance',
      opinion: '建议修改',
      body: body('孙的修改'),
    });
    await h.send(caseId, 'sun', { type: 'WITHDRAW', departmentId: 'finance' });
    let c = await h.engine.case(caseId);
    expect(await h.openKeys(caseId)).toContain('countersign:1:finance:5:member');
    // the withdrawn proposal stays a version, marked as withdrawn
    expect(outgoingContextOf(c).versions.at(-1)).toMatchObject({
      kind: 'proposal',
      author: 'sun',
      withdrawnAt: expect.any(String),
    });
    await h.send(caseId, 'sun', { type: 'COUNTERSIGN', departmentId: 'finance', opinion: '同意' });
    await h.send(caseId, 'zhao', { type: 'COUNTERSIGN', departmentId: 'finance', opinion: '同意' });
    await expect(
      h.send(caseId, 'sun', { type: 'WITHDRAW', departmentId: 'finance' }),
    ).rejects.toEqual(code('NOT_PERMITTED'));
    await h.send(caseId, 'he', { type: 'COUNTERSIGN', departmentId: 'education', opinion: '同意' });
    c = await h.engine.case(caseId);
    const row = projectOutgoingLedger(c, await h.engine.ledger(caseId));
    expect(
      row.countersign.map((l) => [
        l.departmentId,
        l.member,
        l.memberOpinion?.opinion,
        l.opinion?.by,
      ]),
    ).toEqual([
      ['finance', 'sun', '同意', 'zhao'],
      ['education', null, undefined, 'he'],
    ]);
  });

  it('the drafter takes back 送复核, the rechecker their 复核, before the next person acts', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const caseId = await toCountersign(h, {
      ...STANDARD_CHECK,
      countersign: { mode: 'sequence', departments: [{ departmentId: 'education' }] },
    });
    await h.send(caseId, 'he', { type: 'COUNTERSIGN', departmentId: 'education', opinion: '同意' });
    await h.send(caseId, 'xu', { type: 'SEND_TO_RECHECK' });
    expect((await h.send(caseId, 'xu', { type: 'WITHDRAW' })).state).toBe('consolidating');
    await h.send(caseId, 'xu', { type: 'SEND_TO_RECHECK' });
    await h.send(caseId, 'zhou', { type: 'RECHECK', opinion: '同意' });
    await expect(h.send(caseId, 'wang', { type: 'WITHDRAW' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    expect((await h.send(caseId, 'zhou', { type: 'WITHDRAW' })).state).toBe('rechecking');
    await h.send(caseId, 'wang', { type: 'RECHECK', opinion: '同意' });
    await h.send(caseId, 'zhang', { type: 'SIGN' });
    await expect(h.send(caseId, 'wang', { type: 'WITHDRAW' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await h.send(caseId, 'xu', { type: 'FINALIZE', mode: 'auto' });
    // after 成文 the signer can no longer take back the 签发
    await expect(h.send(caseId, 'zhang', { type: 'WITHDRAW' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
  });

  it('a 撤回 racing the next actor: exactly one wins', async () => {
    const h = await outgoingHarness(createMemoryStore());
    for (let i = 0; i < 3; i++) {
      const { caseId } = await h.draft();
      await h.send(caseId, 'xu', { type: 'SUBMIT' });
      const outcomes = await Promise.allSettled([
        h.send(caseId, 'xu', { type: 'WITHDRAW' }),
        h.send(caseId, 'li', { ...STANDARD_CHECK, countersign: undefined }),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect((await h.engine.case(caseId)).rev).toBe(3);
      expect((await h.engine.verifyLedger(caseId)).ok).toBe(true);
    }
  });
});
