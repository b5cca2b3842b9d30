import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { body, outgoingHarness } from './testing-harness.ts';
import { visibleOutgoingFlow } from './visibility.ts';

type H = Awaited<ReturnType<typeof outgoingHarness>>;

const OPINIONS = {
  check: '核稿：请财政局、教育局会签。',
  financeMember: '会签人意见：预算口径需核实。',
  finance: '财政局会签：同意。',
  education: '教育局会签：建议增加学校值守要求。',
  recheck: '复核：格式规范。',
  sign: '签发：同意印发。',
};

/**
 * sun (预算股科员) drafts; qian (预算股股长, sun's superior) checks and asks 县财政局 (head zhao,
 * member fang, opinion back to the head) and 县教育局 (head he) to 会签; 返还 to sun; 复核 by
 * zhou (文秘); 签发 by chen (副县长). Stops after `until`.
 */
async function scenario(h: H, until: 'consolidating' | 'signed') {
  const { caseId } = await h.draft('sun', { draftingDepartment: 'budget', issuerCode: '示政发' });
  await h.send(caseId, 'sun', { type: 'SUBMIT' });
  await h.send(caseId, 'qian', {
    type: 'CHECK',
    opinion: OPINIONS.check,
    countersign: {
      mode: 'parallel',
      departments: [
        { departmentId: 'finance', memberOpinionTo: 'head' },
        { departmentId: 'education', memberOpinionTo: 'next' },
      ],
    },
    signer: 'chen',
  });
  await h.send(caseId, 'zhao', {
    type: 'ASSIGN_MEMBER',
    departmentId: 'finance',
    memberId: 'fang',
  });
  await h.send(caseId, 'fang', {
    type: 'COUNTERSIGN',
    departmentId: 'finance',
    opinion: OPINIONS.financeMember,
    agree: true,
  });
  await h.send(caseId, 'zhao', {
    type: 'COUNTERSIGN',
    departmentId: 'finance',
    opinion: OPINIONS.finance,
    agree: true,
  });
  await h.send(caseId, 'he', {
    type: 'COUNTERSIGN',
    departmentId: 'education',
    opinion: OPINIONS.education,
    agree: true,
    body: body('各单位要高度重视。学校假期安排专人值守。'),
  });
  if (until === 'consolidating') return caseId;
  await h.send(caseId, 'sun', { type: 'SEND_TO_RECHECK' });
  await h.send(caseId, 'zhou', { type: 'RECHECK', opinion: OPINIONS.recheck });
  await h.send(caseId, 'chen', { type: 'SIGN', opinion: OPINIONS.sign });
  return caseId;
}

async function viewOf(h: H, caseId: string, viewerId: string, actingFor: string[] = []) {
  const caseRecord = await h.engine.case(caseId);
  const flow = await visibleOutgoingFlow({
    viewerId,
    caseRecord,
    ledger: await h.engine.ledger(caseId),
    tasks: await h.engine.tasks(caseId),
    directory: h.directory,
    actingFor,
  });
  const c = flow.context;
  const finance = c.countersign.find((d) => d.id === 'finance');
  const education = c.countersign.find((d) => d.id === 'education');
  // every opinion text the view carries, by where it sits
  const opinions = {
    check: c.check?.opinion ?? null,
    financeMember: finance?.memberOpinion?.opinion ?? null,
    finance: finance?.opinion?.opinion ?? null,
    education: education?.opinion?.opinion ?? null,
    recheck: c.recheck?.opinion ?? null,
    sign: c.signing?.opinion ?? null,
  };
  const ledgerOpinions = flow.ledger.map((e) => e.opinion).filter((o) => o !== null);
  return { flow, opinions, ledgerOpinions, events: flow.ledger.map((e) => e.event) };
}

const none = {
  check: null,
  financeMember: null,
  finance: null,
  education: null,
  recheck: null,
  sign: null,
};

describe('发文 status only downward: visibleOutgoingFlow per role', () => {
  it('each role sees the opinions of its own steps and of those below it, nothing above', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const caseId = await scenario(h, 'signed');

    // the drafter: nothing of the 核稿, 会签, 复核 or 签发 above her
    const sun = await viewOf(h, caseId, 'sun');
    expect(sun.flow.scope).toBe('downward');
    expect(sun.opinions).toEqual(none);
    expect(sun.ledgerOpinions).toEqual([]);
    expect(sun.events).toEqual(['start', 'SUBMIT', 'SEND_TO_RECHECK']);
    // the versions stay (the drafter works on the text), without notes of steps above her
    expect(sun.flow.context.versions.map((v) => v.no)).toEqual([1, 2]);

    // the drafter's head (核稿人): his own 核稿 and the drafter's steps
    const qian = await viewOf(h, caseId, 'qian');
    expect(qian.flow.scope).toBe('downward');
    expect(qian.opinions).toEqual({ ...none, check: OPINIONS.check });
    expect(qian.events).toEqual(['start', 'SUBMIT', 'CHECK', 'SEND_TO_RECHECK']);

    // the 会签 head of 县财政局: heads 预算股's bureau, so also the 核稿 and his member's opinion
    const zhao = await viewOf(h, caseId, 'zhao');
    expect(zhao.opinions).toEqual({
      ...none,
      check: OPINIONS.check,
      financeMember: OPINIONS.financeMember,
      finance: OPINIONS.finance,
    });

    // the 会签 member: her own opinion, not her head's
    const fang = await viewOf(h, caseId, 'fang');
    expect(fang.flow.scope).toBe('downward');
    expect(fang.opinions).toEqual({ ...none, financeMember: OPINIONS.financeMember });
    expect(fang.ledgerOpinions).toEqual([OPINIONS.financeMember]);

    // the 会签 head of another department: his department's opinion only
    const he = await viewOf(h, caseId, 'he');
    expect(he.opinions).toEqual({ ...none, education: OPINIONS.education });

    // the 复核 secretary and the 签发 leader see everything
    const all = {
      check: OPINIONS.check,
      financeMember: OPINIONS.financeMember,
      finance: OPINIONS.finance,
      education: OPINIONS.education,
      recheck: OPINIONS.recheck,
      sign: OPINIONS.sign,
    };
    for (const id of ['zhou', 'chen']) {
      const v = await viewOf(h, caseId, id);
      expect(v.flow.scope).toBe('all');
      expect(v.opinions).toEqual(all);
    }

    // an unrelated user (and a member of a 会签 department who took no part) sees nothing
    for (const id of ['tang', 'lu']) {
      const v = await viewOf(h, caseId, id);
      expect(v.flow.scope).toBe('none');
      expect(v.opinions).toEqual(none);
      expect(v.flow.ledger).toEqual([]);
    }

    // a deputy sees what the principal sees, and their own
    const deputy = await viewOf(h, caseId, 'kong', ['zhao']);
    expect(deputy.opinions).toEqual(zhao.opinions);
  });

  it('返还: the drafter sees the 会签 opinions to consolidate while it is her turn, and the 退回 reason', async () => {
    const h = await outgoingHarness(createMemoryStore());
    const caseId = await scenario(h, 'consolidating');
    const sun = await viewOf(h, caseId, 'sun');
    expect(sun.opinions).toEqual({
      ...none,
      finance: OPINIONS.finance,
      education: OPINIONS.education,
    });
    expect(sun.events).toEqual(['start', 'SUBMIT', 'COUNTERSIGN', 'COUNTERSIGN']);
    // once she has sent it on, they are no longer hers to see
    await h.send(caseId, 'sun', { type: 'SEND_TO_RECHECK' });
    expect((await viewOf(h, caseId, 'sun')).opinions).toEqual(none);

    // a draft returned by the checker: the drafter sees why, while she redrafts
    const { caseId: returned } = await h.draft('sun', { draftingDepartment: 'budget' });
    await h.send(returned, 'sun', { type: 'SUBMIT' });
    await h.send(returned, 'qian', { type: 'RETURN', reason: '请补充预算依据' });
    const back = await viewOf(h, returned, 'sun');
    expect(back.flow.context.returned?.reason).toBe('请补充预算依据');
    expect(back.ledgerOpinions).toEqual(['请补充预算依据']);
    // someone beside her with no part in it does not
    expect((await viewOf(h, returned, 'tang')).flow.context.returned).toBeNull();
  });
});
