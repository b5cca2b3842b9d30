import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { incomingHarness, STANDARD_PROPOSAL, toProcessing } from './testing-harness.ts';

const setup = () => incomingHarness(createMemoryStore());
const code = (code: string) => expect.objectContaining({ code });

describe('收文 refusals', () => {
  it('refuses the wrong actor, the wrong state and invalid payloads, writing nothing', async () => {
    const h = await setup();
    await expect(h.register('sun')).rejects.toEqual(code('NOT_PERMITTED'));
    await expect(h.register('zhou', { headType: '蓝头' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [expect.objectContaining({ message: '请选择红头或白头' })] },
    });
    await expect(h.register('zhou', { secrecy: '秘密' })).rejects.toMatchObject({
      details: { issues: [expect.objectContaining({ message: '涉密文件须填写保密期限' })] },
    });
    const { caseId } = await h.register();
    await expect(h.send(caseId, 'li', STANDARD_PROPOSAL)).rejects.toEqual(code('NOT_PERMITTED'));
    await expect(h.send(caseId, 'zhou', { type: 'INSTRUCT', opinion: '同意' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await expect(
      h.send(caseId, 'zhou', { ...STANDARD_PROPOSAL, leaders: [] }),
    ).rejects.toMatchObject({
      details: { issues: [expect.objectContaining({ message: '至少选择一位批示领导' })] },
    });
    await expect(
      h.send(caseId, 'zhou', { ...STANDARD_PROPOSAL, assistDepartments: ['finance'] }),
    ).rejects.toMatchObject({
      details: { issues: [expect.objectContaining({ message: '主办与协办部门不能重复' })] },
    });
    await expect(
      h.send(caseId, 'zhou', {
        ...STANDARD_PROPOSAL,
        mainDepartment: undefined,
        circulateDepartments: [],
        assistDepartments: [],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await h.engine.ledger(caseId)).length).toBe(1);
    expect((await h.engine.case(caseId)).rev).toBe(1);
  });

  it('a proposal naming a non-leader is refused; one whose leader lost the role must be changed', async () => {
    // no user cache: the directory change below must be seen at once
    const h = await incomingHarness(createMemoryStore(), undefined, { userCacheMs: 0 });
    const { caseId } = await h.register();
    await expect(
      h.send(caseId, 'zhou', { ...STANDARD_PROPOSAL, leaders: ['ghost'] }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: '批示人须为本单位领导：ghost' });
    await h.send(caseId, 'zhou', { ...STANDARD_PROPOSAL, leaders: ['ma'] });
    // ma leaves the leadership after 拟办: the proposal in force no longer passes 审阅
    const ma = (await h.store.directory.getUser('ma'))!;
    await h.store.directory.putUser({ ...ma, roles: [] });
    await expect(
      h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: '批示人须为本单位领导：ma' });
    const r = await h.send(caseId, 'li', {
      type: 'REVIEW',
      decision: 'change',
      proposal: { ...STANDARD_PROPOSAL, type: undefined, leaders: ['zhang'] },
    });
    expect(r.state).toBe('open.instructing');
  });

  it('a leader out of turn and a head of another department are refused', async () => {
    const h = await setup();
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', STANDARD_PROPOSAL);
    await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
    await expect(h.send(caseId, 'chen', { type: 'INSTRUCT', opinion: '抢先' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await h.send(caseId, 'zhang', { type: 'INSTRUCT', opinion: '同意' });
    await h.send(caseId, 'chen', { type: 'INSTRUCT', opinion: '同意' });
    // sun is nobody's head
    await expect(
      h.send(caseId, 'sun', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' }),
    ).rejects.toEqual(code('NOT_PERMITTED'));
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' });
    // the handler of finance cannot submit for education, nor can lu who has no task
    await expect(
      h.send(caseId, 'sun', { type: 'SUBMIT_RESULT', departmentId: 'education', result: 'x' }),
    ).rejects.toMatchObject({
      code: 'NOT_PERMITTED',
      message: '您不是县教育局“提交办理结果”的办理人',
    });
    await expect(
      h.send(caseId, 'lu', { type: 'SUBMIT_RESULT', departmentId: 'finance', result: 'x' }),
    ).rejects.toEqual(code('NOT_PERMITTED'));
    await h.send(caseId, 'sun', { type: 'SUBMIT_RESULT', departmentId: 'finance', result: 'ok' });
    // he (education) cannot confirm finance's result
    await h.send(caseId, 'he', { type: 'ASSIGN', departmentId: 'education', handlerId: 'lu' });
    await h.send(caseId, 'lu', { type: 'SUBMIT_RESULT', departmentId: 'education', result: 'ok' });
    await expect(
      h.send(caseId, 'he', { type: 'CONFIRM', departmentId: 'finance' }),
    ).rejects.toMatchObject({ code: 'NOT_PERMITTED', message: '您不是县财政局“确认办结”的办理人' });
    // only the secretariat archives, and only after 办结
    await expect(h.send(caseId, 'zhao', { type: 'ARCHIVE' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await expect(h.send(caseId, 'wang', { type: 'ARCHIVE' })).rejects.toEqual(
      code('NOT_PERMITTED'),
    );
    await expect(h.send(caseId, 'wang', { type: 'NO_SUCH' })).rejects.toEqual(
      code('INVALID_EVENT'),
    );
  });

  it('a handler cannot hand down to someone already in the chain', async () => {
    const h = await setup();
    const caseId = await toProcessing(h);
    await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'qian' });
    await h.send(caseId, 'qian', { type: 'HAND_DOWN', departmentId: 'finance', handlerId: 'sun' });
    await expect(
      h.send(caseId, 'sun', { type: 'HAND_DOWN', departmentId: 'finance', handlerId: 'qian' }),
    ).rejects.toEqual(code('INVALID_EVENT'));
  });
});
