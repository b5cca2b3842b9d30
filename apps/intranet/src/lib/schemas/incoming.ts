import { INCOMING_STATE_LABELS, SECRECY_LEVELS, URGENCIES, ZRegistration } from '@gongwen/core';
import { INCOMING_EVENTS, INCOMING_LEDGER_LABELS } from '@gongwen/core/events';
import { z } from 'zod';
import { actionSchema, handwritingEventsOf, payloadSchemas } from '~/lib/schemas/case-action';
import { ZHandwriting } from '~/lib/schemas/handwriting';
import { strictDeep } from '~/lib/schemas/strict';

/** Ids of cases and commands as the engine accepts them. */
const ZCaseId = z.string().min(1, '缺少办件编号').max(128);
/** A client-generated idempotency key: a retry of the same submit sends the same id. */
export const ZCommandId = z.uuid({ message: '操作编号格式不正确' });

/**
 * The payload schema of every 收文 event a user may send, exactly the core's: the form's
 * zodResolver and the procedure validate alike.
 */
export const INCOMING_EVENT_SCHEMAS = payloadSchemas(INCOMING_EVENTS);

/** A 收文 event type a user may send. */
export type IncomingEventType = keyof typeof INCOMING_EVENT_SCHEMAS;
export const INCOMING_EVENT_TYPES = Object.keys(INCOMING_EVENT_SCHEMAS) as IncomingEventType[];

/** Events whose opinion may carry a handwritten annotation (手写批注): 批示 and 审阅. */
export const HANDWRITING_EVENTS = handwritingEventsOf(INCOMING_EVENTS);

/** Chinese names of every ledger event, for timelines and the 处理笺. */
export const INCOMING_EVENT_LABELS = INCOMING_LEDGER_LABELS;

/** `{ type, payload }` of one event, the payload validated by the core's schema for that type. */
export const ZIncomingAction = actionSchema(INCOMING_EVENT_SCHEMAS);

/** Input of `incoming.send`. */
export const ZIncomingSend = z.strictObject({
  caseId: ZCaseId,
  commandId: ZCommandId,
  /** The case version the user saw; a concurrent change is refused with a clear message. */
  expectedRev: z.number().int().nonnegative().optional(),
  /** Act for this principal under a delegation (代理); chosen automatically when omitted. */
  onBehalfOf: z.string().min(1).max(64).optional(),
  /** 手写批注 attached to the opinion (批示 / 审阅 only). */
  handwriting: ZHandwriting.optional(),
  action: ZIncomingAction,
});
export type IncomingSendInput = z.input<typeof ZIncomingSend>;

/** Input of `incoming.register` (签收登记): the core's registration plus an idempotency key. */
export const ZIncomingRegister = z.strictObject({
  commandId: ZCommandId,
  registration: strictDeep(ZRegistration),
});

/** Input of `incoming.remind` (催办 button). */
export const ZIncomingRemind = z.strictObject({
  caseId: ZCaseId,
  commandId: ZCommandId,
  note: z.string().trim().max(500, '催办说明不能超过500字').optional(),
});

/** A case reference. */
export const ZIncomingCaseRef = z.strictObject({ caseId: ZCaseId });

/** States of the 收文 flow for the list's filter. */
export const INCOMING_STATES = Object.keys(INCOMING_STATE_LABELS) as [string, ...string[]];

/** Filters, sort and page of the 收文 list. */
export const ZIncomingListFilter = z.strictObject({
  /** Part of the title, 收文编号, 来文字号 or 来文单位. */
  search: z.string().trim().max(100, '搜索内容最多 100 字').optional(),
  urgency: z.enum(URGENCIES).optional(),
  secrecy: z.enum(SECRECY_LEVELS).optional(),
  state: z.enum(INCOMING_STATES, { message: '未知的办理状态' }).optional(),
  /** 签收时间 in this period. */
  period: z
    .strictObject({ from: z.coerce.date().optional(), to: z.coerce.date().optional() })
    .refine((p) => !p.from || !p.to || p.from <= p.to, {
      message: '结束日期不能早于开始日期',
      path: ['to'],
    })
    .optional(),
  sort: z.enum(['newest', 'oldest', 'serialAsc', 'serialDesc']).default('newest'),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type IncomingListFilter = z.input<typeof ZIncomingListFilter>;

/** Attachments: at most this many bytes each. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/** File types an attachment may have (extension → content type). */
export const ATTACHMENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  wps: 'application/vnd.ms-works',
  ofd: 'application/ofd',
  txt: 'text/plain',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  zip: 'application/zip',
};
