/**
 * The one ordering rule of every action panel (收文, 发文, 会议, 报告): the action the step
 * exists for first, side actions (修改登记, 保存正文, 转办 …) after it, and the destructive
 * ones (退回, 驳回/不同意, 作废, 撤回) last — those are confirmed before they are sent.
 */

/** Events that send work back, refuse it, void it or take it back, in the order offered. */
export const DESTRUCTIVE_ACTIONS: readonly string[] = [
  'RETURN',
  'SEND_BACK',
  'RETURN_FOR_REVISION',
  'RETURN_MINUTES',
  'REJECT',
  'CANCEL',
  'VOID_DOC_NUMBER',
  'WITHDRAW',
];

/** Events beside a step's own work: offered after it, before the destructive ones. */
export const SIDE_ACTIONS: readonly string[] = [
  'AMEND_REGISTRATION',
  'EDIT',
  'HAND_DOWN',
  'COUNTERSIGN_AGAIN',
  'REMIND_REPLIES',
  'REMIND_RECEIPTS',
  'RECORD_RECEIPT',
];

/** Whether an event sends back, refuses, voids or takes back work (and needs a confirmation). */
export function isDestructiveAction(type: string): boolean {
  return DESTRUCTIVE_ACTIONS.includes(type);
}

/** 0 for the step's own actions, 1 for side actions, 2 + position for destructive ones. */
export function actionRank(type: string): number {
  const d = DESTRUCTIVE_ACTIONS.indexOf(type);
  if (d >= 0) return 2 + d;
  return SIDE_ACTIONS.includes(type) ? 1 : 0;
}

/** The actions in the order to offer them (stable: equal ranks keep their order). */
export function orderActions<T extends { type: string }>(actions: readonly T[]): T[];
export function orderActions<T>(actions: readonly T[], typeOf: (a: T) => string): T[];
export function orderActions<T>(
  actions: readonly T[],
  typeOf: (a: T) => string = (a) => (a as { type: string }).type,
): T[] {
  return actions
    .map((a, i) => ({ a, i, rank: actionRank(typeOf(a)) }))
    .sort((x, y) => x.rank - y.rank || x.i - y.i)
    .map((x) => x.a);
}

/** What the confirmation of a destructive action says. */
export interface ActionConfirmation {
  title: string;
  content: string;
  okText: string;
}

const CONSEQUENCES: Record<string, string> = {
  RETURN: '退回后，本件回到上一环节重新办理。',
  SEND_BACK: '退回后，承办人需要重新办理。',
  RETURN_FOR_REVISION: '退回后，拟稿人需要修改后重新送审。',
  RETURN_MINUTES: '退回后，会议记录需要重新填写。',
  REJECT: '此操作不能撤销，流程随之结束。',
  CANCEL: '作废后不能恢复。',
  VOID_DOC_NUMBER: '作废后该文号不能再使用。',
  WITHDRAW: '撤回后，您上一步的办理将被收回，下一环节的待办随之取消。',
};

/** The confirmation of a destructive action (`title` is its Chinese name), or null for others. */
export function confirmationOf(type: string, title: string): ActionConfirmation | null {
  if (!isDestructiveAction(type)) return null;
  return {
    title: `确定要${title}吗？`,
    content: CONSEQUENCES[type] ?? '此操作不能撤销。',
    okText: `确定${title}`,
  };
}
