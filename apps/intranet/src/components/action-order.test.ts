import { describe, expect, it } from 'vitest';
import { actionRank, confirmationOf, isDestructiveAction, orderActions } from './action-order';

const types = (xs: Array<{ type: string }>) => xs.map((x) => x.type);
const of = (...ts: string[]) => ts.map((type) => ({ type }));

describe('orderActions', () => {
  it('收文 承办: 提交办理结果 first, 转办 after it, 退回 and 撤回 last', () => {
    // the order the engine offers them in (the workflow's event order)
    const offered = of('RETURN', 'WITHDRAW', 'HAND_DOWN', 'SUBMIT_RESULT');
    expect(types(orderActions(offered))).toEqual([
      'SUBMIT_RESULT',
      'HAND_DOWN',
      'RETURN',
      'WITHDRAW',
    ]);
  });

  it('收文 批示: 批示 before 撤回; 拟办 before 修改登记', () => {
    expect(types(orderActions(of('WITHDRAW', 'INSTRUCT')))).toEqual(['INSTRUCT', 'WITHDRAW']);
    expect(types(orderActions(of('AMEND_REGISTRATION', 'PROPOSE')))).toEqual([
      'PROPOSE',
      'AMEND_REGISTRATION',
    ]);
  });

  it('发文 签发: 签发, then 退回修改, 不予签发; 拟稿: 送核稿, 保存正文, 作废拟稿', () => {
    expect(types(orderActions(of('REJECT', 'RETURN_FOR_REVISION', 'WITHDRAW', 'SIGN')))).toEqual([
      'SIGN',
      'RETURN_FOR_REVISION',
      'REJECT',
      'WITHDRAW',
    ]);
    expect(types(orderActions(of('EDIT', 'CANCEL', 'SUBMIT')))).toEqual([
      'SUBMIT',
      'EDIT',
      'CANCEL',
    ]);
  });

  it('会议 and 报告: 同意 before 退回 and 不同意; 重新送审 before 撤回', () => {
    expect(types(orderActions(of('CANCEL', 'REJECT', 'RETURN', 'APPROVE')))).toEqual([
      'APPROVE',
      'RETURN',
      'REJECT',
      'CANCEL',
    ]);
    expect(types(orderActions(of('WITHDRAW', 'RESUBMIT')))).toEqual(['RESUBMIT', 'WITHDRAW']);
  });

  it('keeps the offered order among equals and does not change its input', () => {
    const offered = of('CHECK', 'ASSIGN_MEMBER', 'COUNTERSIGN');
    const copy = [...offered];
    expect(orderActions(offered)).toEqual(offered);
    expect(offered).toEqual(copy);
    // with a key function, for plain event names
    expect(orderActions(['WITHDRAW', 'READ'], (t) => t)).toEqual(['READ', 'WITHDRAW']);
  });

  it('ranks the step’s own actions 0, side actions 1, destructive ones after', () => {
    expect(actionRank('SUBMIT_RESULT')).toBe(0);
    expect(actionRank('HAND_DOWN')).toBe(1);
    expect(actionRank('RETURN')).toBeGreaterThan(1);
    expect(actionRank('WITHDRAW')).toBeGreaterThan(actionRank('RETURN'));
  });
});

describe('confirmationOf', () => {
  it('asks before every destructive action, and only before those', () => {
    for (const t of ['RETURN', 'SEND_BACK', 'WITHDRAW', 'REJECT', 'CANCEL', 'VOID_DOC_NUMBER'])
      expect(isDestructiveAction(t), t).toBe(true);
    for (const t of ['SUBMIT_RESULT', 'INSTRUCT', 'APPROVE', 'SIGN', 'EDIT'])
      expect(confirmationOf(t, '办理'), t).toBeNull();
    expect(confirmationOf('RETURN', '退回')).toEqual({
      title: '确定要退回吗？',
      content: '退回后，本件回到上一环节重新办理。',
      okText: '确定退回',
    });
    expect(confirmationOf('WITHDRAW', '撤回')?.content).toContain('撤回后');
  });
});
