import type { LedgerWorkflow } from '~/lib/schemas/ledger';

/** One column of a 流程台帐: the same for the page, the print view and the .xlsx export. */
export interface LedgerColumn {
  key: string;
  title: string;
  /** Width in characters (Excel's unit; the table uses it × 14 px, roughly one 汉字). */
  width: number;
  /** Kept at the left of the page's table while it scrolls, and never hidden (编号, 标题). */
  pinned?: boolean;
}

/** 收文台帐: the columns `projectIncomingLedger` projects, plus the header's 文号 and the state. */
export const INCOMING_LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { key: 'serialNo', title: '收文编号', width: 15, pinned: true },
  { key: 'senderUnit', title: '来文单位', width: 16 },
  { key: 'senderDocNumber', title: '文号', width: 18 },
  { key: 'title', title: '标题', width: 34, pinned: true },
  { key: 'signed', title: '签收', width: 18 },
  { key: 'proposal', title: '拟办', width: 30 },
  { key: 'review', title: '审阅', width: 24 },
  { key: 'instructions', title: '批示', width: 30 },
  { key: 'readers', title: '传阅', width: 26 },
  { key: 'handling', title: '承办', width: 36 },
  { key: 'returns', title: '退回', width: 22 },
  { key: 'reminderCount', title: '催办次数', width: 9 },
  { key: 'completedAt', title: '办结时间', width: 17 },
  { key: 'archivedAt', title: '归档时间', width: 17 },
  { key: 'state', title: '状态', width: 10 },
];

/** 发文台帐: the columns `projectOutgoingLedger` projects, plus the header's 文种 and the state. */
export const OUTGOING_LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { key: 'docNumber', title: '文号', width: 18, pinned: true },
  { key: 'title', title: '标题', width: 34, pinned: true },
  { key: 'docType', title: '文种', width: 8 },
  { key: 'draftingDepartment', title: '拟稿单位', width: 14 },
  { key: 'drafter', title: '拟稿人', width: 10 },
  { key: 'draftedAt', title: '拟稿时间', width: 17 },
  { key: 'check', title: '核稿', width: 26 },
  { key: 'countersign', title: '会签', width: 36 },
  { key: 'recheck', title: '复核', width: 24 },
  { key: 'signer', title: '签发人', width: 10 },
  { key: 'signOpinion', title: '签发意见', width: 24 },
  { key: 'signedAt', title: '签发时间', width: 17 },
  { key: 'finalized', title: '成文', width: 18 },
  { key: 'seal', title: '盖章', width: 20 },
  { key: 'distribution', title: '分发及回执', width: 32 },
  { key: 'returns', title: '退回', width: 22 },
  { key: 'archivedAt', title: '归档时间', width: 17 },
  { key: 'state', title: '状态', width: 10 },
];

/** The columns of a ledger. */
export function ledgerColumns(workflow: LedgerWorkflow): readonly LedgerColumn[] {
  return workflow === 'incoming' ? INCOMING_LEDGER_COLUMNS : OUTGOING_LEDGER_COLUMNS;
}

/**
 * The columns the page shows: the pinned ones first (they stay at the left while the table
 * scrolls), then the others the user has not hidden, in the ledger's order. Pinned columns
 * cannot be hidden; unknown keys in `hidden` are ignored.
 */
export function visibleLedgerColumns(
  workflow: LedgerWorkflow,
  hidden: readonly string[] = [],
): LedgerColumn[] {
  const all = ledgerColumns(workflow);
  return [
    ...all.filter((c) => c.pinned),
    ...all.filter((c) => !c.pinned && !hidden.includes(c.key)),
  ];
}
