import {
  ZArchive,
  ZAssignMember,
  ZCancel,
  ZCheck,
  ZCountersign,
  ZCountersignAgain,
  ZDistribute,
  ZEdit,
  ZFinalize,
  ZRecheck,
  ZRecordReceipt,
  ZReject,
  ZRemindReceipts,
  ZReturn,
  ZReturnForRevision,
  ZSeal,
  ZSendToRecheck,
  ZSign,
  ZSubmit,
  ZVoidDocNumber,
  ZWithdraw,
} from './fields.ts';

/**
 * The 发文 events a person sends, client-safe (schemas and words only, no machine): the
 * definition's title and payload schema of each (`events.test.ts` holds them equal); whether
 * a handwritten annotation (手写批注) may go with its opinion — the leader's 签发 decisions;
 * and `service` for 盖章 and 分发, which the server does in a procedure of their own (it
 * renders, seals and delivers; the person only confirms).
 */
export const OUTGOING_EVENTS = {
  EDIT: { title: '保存正文', schema: ZEdit },
  SUBMIT: { title: '送核稿', schema: ZSubmit },
  CANCEL: { title: '作废拟稿', schema: ZCancel },
  CHECK: { title: '核稿', schema: ZCheck },
  RETURN: { title: '退回', schema: ZReturn },
  WITHDRAW: { title: '撤回', schema: ZWithdraw },
  ASSIGN_MEMBER: { title: '指定会签人', schema: ZAssignMember },
  COUNTERSIGN: { title: '会签', schema: ZCountersign },
  COUNTERSIGN_AGAIN: { title: '再次会签', schema: ZCountersignAgain },
  SEND_TO_RECHECK: { title: '送复核', schema: ZSendToRecheck },
  RECHECK: { title: '复核', schema: ZRecheck },
  SIGN: { title: '签发', schema: ZSign, handwriting: true },
  REJECT: { title: '不予签发', schema: ZReject, handwriting: true },
  RETURN_FOR_REVISION: { title: '退回修改', schema: ZReturnForRevision, handwriting: true },
  FINALIZE: { title: '成文', schema: ZFinalize },
  VOID_DOC_NUMBER: { title: '文号作废', schema: ZVoidDocNumber },
  SEAL: { title: '盖章', schema: ZSeal, service: true },
  DISTRIBUTE: { title: '分发', schema: ZDistribute, service: true },
  RECORD_RECEIPT: { title: '登记回执', schema: ZRecordReceipt },
  REMIND_RECEIPTS: { title: '催收回执', schema: ZRemindReceipts },
  ARCHIVE: { title: '归档', schema: ZArchive },
} as const;

/** Chinese names of every 发文 ledger entry (timelines, 发文稿纸): the events, the start and the timers'. */
export const OUTGOING_LEDGER_LABELS: Readonly<Record<string, string>> = {
  start: '拟稿',
  ...Object.fromEntries(Object.entries(OUTGOING_EVENTS).map(([type, e]) => [type, e.title])),
  RECEIPT_REMIND: '自动催收回执',
  $reassign: '改派',
};

/** A 发文 event a person sends. */
export type OutgoingEventType = keyof typeof OUTGOING_EVENTS;
