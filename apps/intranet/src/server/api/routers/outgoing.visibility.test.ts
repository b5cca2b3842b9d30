import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  demoOutgoingDraft as demoDraft,
  outgoingDraft as draft,
  type OutgoingTestApp,
  shareOutgoingTestApp,
} from '~/server/testing/outgoing-fixtures';
import { callerFor } from '~/server/testing/test-app';
import { loadDemoOrg } from '~demo/org';

// Who sees a 发文: nobody without a part in it nor another unit, and the drafter only the status
// of the steps above her, never their opinions.

let app: OutgoingTestApp;
shareOutgoingTestApp((opened) => {
  app = opened;
});

describe('outgoing router: who may see a 发文', () => {
  it('shows nothing to someone with no part, nor to another unit', async () => {
    const { caseId } = await callerFor(app, 'sun').outgoing.create({
      commandId: randomUUID(),
      draft: draft({ title: '关于调整预算股值班安排的通知' }),
    });
    await expect(callerFor(app, 'gao').outgoing.get({ caseId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '无权访问：您与该发文无关，不能查看',
    });
    await expect(callerFor(app, 'outsider').outgoing.get({ caseId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // the list agrees with the case page
    const gaoList = await callerFor(app, 'gao').outgoing.list({ search: '预算股值班' });
    expect(gaoList.total).toBe(0);
    const chenList = await callerFor(app, 'chen').outgoing.list({ search: '预算股值班' });
    expect(chenList.total).toBe(1);
  });
});

describe('outgoing router: status only downward (issue 12, demo organisation)', () => {
  const OPINIONS = {
    check: '核稿意见：请县应急管理局、县教育局会签。',
    emergency: '县应急管理局会签意见：同意，建议补充应急值守安排。',
    education: '县教育局会签意见：同意。',
    recheck: '复核意见：格式规范。',
    sign: '签发意见：同意印发。',
  };
  type Caller = ReturnType<typeof callerFor>;
  const act = (caller: Caller, caseId: string, type: string, payload: Record<string, unknown>) =>
    caller.outgoing.send({ caseId, commandId: randomUUID(), action: { type, payload } } as never);

  beforeAll(async () => {
    await loadDemoOrg(app.store.directory, app.clock.now());
  });
  it('朱红梅 sees her own steps only; the 签发 leader sees every opinion', async () => {
    const zhu = callerFor(app, 'zhuhongmei');
    const ma = callerFor(app, 'maxiaodong');
    const cao = callerFor(app, 'caogang');
    const lin = callerFor(app, 'linhai');
    const zhaoli = callerFor(app, 'zhaoli');
    const leader = callerFor(app, 'zhangxiuying');
    const { caseId } = await zhu.outgoing.create({ commandId: randomUUID(), draft: demoDraft() });
    await act(zhu, caseId, 'SUBMIT', {});
    await act(ma, caseId, 'CHECK', {
      opinion: OPINIONS.check,
      countersign: {
        mode: 'parallel',
        departments: [
          { departmentId: 'emergency', memberOpinionTo: 'head' },
          { departmentId: 'education', memberOpinionTo: 'head' },
        ],
      },
      signer: 'zhangxiuying',
    });
    await act(cao, caseId, 'COUNTERSIGN', {
      departmentId: 'emergency',
      opinion: OPINIONS.emergency,
      agree: true,
    });
    await act(lin, caseId, 'COUNTERSIGN', {
      departmentId: 'education',
      opinion: OPINIONS.education,
      agree: true,
    });
    // 返还: the opinions to consolidate are hers while it is her turn
    const consolidating = await zhu.outgoing.get({ caseId });
    expect(consolidating.state).toBe('consolidating');
    expect(consolidating.countersign?.departments.map((d) => d.opinion?.opinion)).toEqual([
      OPINIONS.emergency,
      OPINIONS.education,
    ]);
    expect(consolidating.check).toBeNull();
    await act(zhu, caseId, 'SEND_TO_RECHECK', {});
    await act(zhaoli, caseId, 'RECHECK', { opinion: OPINIONS.recheck });
    await act(leader, caseId, 'SIGN', { opinion: OPINIONS.sign });

    const texts = Object.values(OPINIONS);
    const leaks = (view: unknown) => texts.filter((t) => JSON.stringify(view).includes(t));

    // the drafter: outgoing.get (审核意见), the timeline (办理过程), the 发文稿纸 and the versions
    const c = await zhu.outgoing.get({ caseId });
    expect(c.state).toBe('finalizing');
    expect(c.scope).toBe('downward');
    expect(c.check).toBeNull();
    expect(c.recheck).toBeNull();
    expect(c.signing).toBeNull();
    expect(c.countersign?.departments.map((d) => [d.name, d.statusLabel, d.opinion])).toEqual([
      ['县应急管理局', '已会签', null],
      ['县教育局', '已会签', null],
    ]);
    expect(leaks(c)).toEqual([]);
    expect(leaks(await zhu.outgoing.timeline({ caseId }))).toEqual([]);
    expect(leaks(await zhu.outgoing.sheet({ caseId }))).toEqual([]);
    expect(leaks(await zhu.outgoing.diff({ caseId, from: 1, to: c.currentVersion }))).toEqual([]);
    expect(c.docNumber).toMatch(/^示政发〔2026〕\d+号$/);

    // her head (核稿人) sees his own 核稿, not what the 副县长 or other departments wrote
    const head = await ma.outgoing.get({ caseId });
    expect(head.check?.opinion).toBe(OPINIONS.check);
    expect(leaks(head)).toEqual([OPINIONS.check]);

    // the 签发 leader (and the 复核 secretariat) see every opinion
    for (const who of [leader, zhaoli]) {
      const all = await who.outgoing.get({ caseId });
      expect(all.scope).toBe('all');
      expect(all.check?.opinion).toBe(OPINIONS.check);
      expect(all.recheck?.opinion).toBe(OPINIONS.recheck);
      expect(all.signing?.opinion).toBe(OPINIONS.sign);
      expect(all.countersign?.departments.map((d) => d.opinion?.opinion)).toEqual([
        OPINIONS.emergency,
        OPINIONS.education,
      ]);
      expect(leaks(await who.outgoing.sheet({ caseId }))).toEqual(texts);
    }
  });
});
