import {
  ZArchive,
  ZAssign,
  ZConfirm,
  ZInstruct,
  ZPickReaders,
  ZProposal,
  ZRead,
  ZRegistration,
  ZRemind,
  ZResult,
  ZReturn,
  ZReview,
  ZSendBack,
  ZWithdraw,
} from './fields.ts';

/**
 * The 收文 events a person sends, client-safe (schemas and words only, no machine): the
 * definition's title and payload schema of each (`events.test.ts` holds them equal), and
 * whether a handwritten annotation (手写批注) may go with its opinion — 批示 and 审阅.
 */
export const INCOMING_EVENTS = {
  PROPOSE: { title: '拟办', schema: ZProposal },
  REVIEW: { title: '审阅', schema: ZReview, handwriting: true },
  INSTRUCT: { title: '批示', schema: ZInstruct, handwriting: true },
  RETURN: { title: '退回', schema: ZReturn },
  AMEND_REGISTRATION: { title: '修改登记', schema: ZRegistration },
  WITHDRAW: { title: '撤回', schema: ZWithdraw },
  ASSIGN: { title: '分派承办人', schema: ZAssign },
  HAND_DOWN: { title: '转办', schema: ZAssign },
  SUBMIT_RESULT: { title: '提交办理结果', schema: ZResult },
  CONFIRM: { title: '确认办结', schema: ZConfirm },
  SEND_BACK: { title: '退回重办', schema: ZSendBack },
  PICK_READERS: { title: '传阅', schema: ZPickReaders },
  READ: { title: '已阅', schema: ZRead },
  REMIND: { title: '催办', schema: ZRemind },
  ARCHIVE: { title: '归档', schema: ZArchive },
} as const;

/** A 收文 event a person sends. */
export type IncomingEventType = keyof typeof INCOMING_EVENTS;

/** Chinese names of every 收文 ledger entry (timelines, 处理笺): the events, the start and the timers'. */
export const INCOMING_LEDGER_LABELS: Readonly<Record<string, string>> = {
  start: '签收登记',
  ...Object.fromEntries(Object.entries(INCOMING_EVENTS).map(([type, e]) => [type, e.title])),
  DEADLINE_REMIND: '自动催办',
  $reassign: '改派',
};
