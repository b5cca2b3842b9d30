import {
  DOC_TYPES,
  OUTGOING_STATE_LABELS,
  SECRECY_LEVELS,
  URGENCIES,
  ZCreateOutgoingDraft,
  ZEdit,
} from '@gongwen/core';
import { OUTGOING_EVENTS, OUTGOING_LEDGER_LABELS } from '@gongwen/core/events';
import { z } from 'zod';
import { actionSchema, handwritingEventsOf, payloadSchemas } from '~/lib/schemas/case-action';
import { ZHandwriting } from '~/lib/schemas/handwriting';
import { strictDeep } from '~/lib/schemas/strict';

/** Ids of cases as the engine accepts them. */
const ZCaseId = z.string().min(1, '缺少办件编号').max(128);
/** A client-generated idempotency key: a retry of the same submit sends the same id. */
export const ZCommandId = z.uuid({ message: '操作编号格式不正确' });

/**
 * The payload schema of every 发文 event a user sends from the case page, exactly the core's:
 * the form's zodResolver and the procedure validate alike. 盖章 and 分发 have their own
 * procedures (the server renders, seals and delivers; the user only confirms).
 */
export const OUTGOING_EVENT_SCHEMAS = payloadSchemas(OUTGOING_EVENTS);

/** A 发文 event type a user sends through `outgoing.send`. */
export type OutgoingEventType = keyof typeof OUTGOING_EVENT_SCHEMAS;
export const OUTGOING_EVENT_TYPES = Object.keys(OUTGOING_EVENT_SCHEMAS) as OutgoingEventType[];

/** Events whose opinion may carry a handwritten annotation (手写批注): the leader's 签发 decisions. */
export const OUTGOING_HANDWRITING_EVENTS = handwritingEventsOf(OUTGOING_EVENTS);

/** Chinese names of every ledger event, for timelines and the 发文稿纸. */
export const OUTGOING_EVENT_LABELS = OUTGOING_LEDGER_LABELS;

/** `{ type, payload }` of one event, the payload validated by the core's schema for that type. */
export const ZOutgoingAction = actionSchema(OUTGOING_EVENT_SCHEMAS);

/** Input of `outgoing.send`. */
export const ZOutgoingSend = z.strictObject({
  caseId: ZCaseId,
  commandId: ZCommandId,
  /** The case version the user saw; a concurrent change is refused with a clear message. */
  expectedRev: z.number().int().nonnegative().optional(),
  /** Act for this principal under a delegation (代理); chosen automatically when omitted. */
  onBehalfOf: z.string().min(1).max(64).optional(),
  /** 手写批注 attached to the opinion (签发 decisions only). */
  handwriting: ZHandwriting.optional(),
  action: ZOutgoingAction,
});
export type OutgoingSendInput = z.input<typeof ZOutgoingSend>;

/** Input of `outgoing.create` (拟稿): the core's draft plus an idempotency key. */
export const ZOutgoingCreate = z.strictObject({
  commandId: ZCommandId,
  draft: strictDeep(ZCreateOutgoingDraft),
});

/** Input of `outgoing.saveVersion` (保存正文, a new version). */
export const ZOutgoingSaveVersion = z.strictObject({
  caseId: ZCaseId,
  commandId: ZCommandId,
  expectedRev: z.number().int().nonnegative().optional(),
  edit: strictDeep(ZEdit),
});

/** Input of `outgoing.importDocx`: an uploaded .docx (see /api/outgoing/upload). */
export const ZOutgoingImportDocx = z.strictObject({
  blobId: z.string().min(1, '请先上传 Word 文件').max(200),
});

/** A case reference. */
export const ZOutgoingCaseRef = z.strictObject({ caseId: ZCaseId });

/** Two versions to compare. */
export const ZOutgoingDiff = z.strictObject({
  caseId: ZCaseId,
  from: z.number().int().min(1, '请选择版本'),
  to: z.number().int().min(1, '请选择版本'),
});

/** 盖章: the seal PIN the secretary types. */
export const ZOutgoingSeal = z.strictObject({
  caseId: ZCaseId,
  commandId: ZCommandId,
  pin: z.string().min(1, '请输入印章 PIN').max(64, 'PIN 过长'),
});

/** 分发. */
export const ZOutgoingDistribute = z.strictObject({
  caseId: ZCaseId,
  /** 发送方式 for external units (default 机要交换). */
  externalMethod: z.string().trim().min(1).max(20, '发送方式不能超过20字').optional(),
});

/** 文号使用记录 of one 机关代字 and year. */
export const ZDocNumberHistoryQuery = z.strictObject({
  issuerCode: z.string().trim().min(1, '请填写机关代字').max(20),
  year: z.number().int().min(2000, '年份不正确').max(2100, '年份不正确'),
});

/** States of the 发文 flow for the list's filter. */
export const OUTGOING_STATES = Object.keys(OUTGOING_STATE_LABELS) as [string, ...string[]];

/** Filters, sort and page of the 发文 list. */
export const ZOutgoingListFilter = z.strictObject({
  /** Part of the title or the 文号. */
  search: z.string().trim().max(100, '搜索内容最多 100 字').optional(),
  docType: z.enum(DOC_TYPES).optional(),
  urgency: z.enum(URGENCIES).optional(),
  secrecy: z.enum(SECRECY_LEVELS).optional(),
  state: z.enum(OUTGOING_STATES, { message: '未知的办理状态' }).optional(),
  /** Only the cases this user drafted. */
  mine: z.boolean().optional(),
  sort: z.enum(['newest', 'oldest']).default('newest'),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type OutgoingListFilter = z.input<typeof ZOutgoingListFilter>;

/** The .docx content type (for the import button's accept). */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
