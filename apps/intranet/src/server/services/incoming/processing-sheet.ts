import { type IncomingContext, projectIncomingLedger } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { loadNames } from '~/server/services/cases/names';
import { sees, viewerScope } from '~/server/services/ledger/viewer-scope';
import {
  formatSheetTime,
  type ProcessingSheet,
} from '~/server/services/sheets/render-processing-sheet';
import { loadIncomingAccess } from './access';
import { incomingTimelineSteps } from './incoming-timeline';

/** The 处理笺 heading of each opinion-bearing step. */
const OPINION_STEPS: Record<string, string> = {
  PROPOSE: '拟办意见',
  REVIEW: '审阅意见',
  INSTRUCT: '领导批示',
  RETURN: '退回理由',
  ASSIGN: '分派承办人',
  HAND_DOWN: '转办',
  SUBMIT_RESULT: '办理结果',
  CONFIRM: '办结确认',
  SEND_BACK: '退回重办',
  READ: '阅文意见',
  REMIND: '催办',
  ARCHIVE: '归档说明',
};

/** 分派 and 转办 are on the 处理笺 with their 说明 only; the 承办人 field names everyone. */
const NOTE_STEPS = new Set(['ASSIGN', 'HAND_DOWN']);

/**
 * The 收文处理笺 of a case as `user` may see it: the header fields (with 签收人, 成文日期,
 * 承办人 and 档号, as the 流程台帐 has them), then every opinion (with name, date and 手写批注)
 * of the visible flow — 分派 with its 说明 — leaving out steps taken back by 撤回.
 */
export async function buildIncomingSheet(
  app: AppServices,
  user: SessionUser,
  caseId: string,
): Promise<ProcessingSheet & { caseId: string }> {
  const access = await loadIncomingAccess(app, user, caseId);
  const { caseRecord } = access;
  const ctx = (caseRecord.snapshot as { context: IncomingContext }).context;
  const r = ctx.registration;
  const [names, unit] = await Promise.all([
    loadNames(app, caseRecord.unitId),
    app.directory.getUnit(caseRecord.unitId),
  ]);
  const steps = await incomingTimelineSteps(app, access, names);
  const dept = (id: string | undefined) => (id ? names.department(id) : '');
  // 签收人 and 承办人 as the 流程台帐 projects them, limited (like it) to whom the user may see
  const row = projectIncomingLedger(caseRecord, access.fullLedger);
  const scope = access.scope === 'all' ? null : await viewerScope(app, user);
  // below the user, their principals (代理), or acting in a step the user may see
  const actors = new Set(access.ledger.flatMap((e) => [e.actorId, e.onBehalfOf ?? e.actorId]));
  const visible = (id: string) =>
    scope === null || sees(scope, id) || access.principals.includes(id) || actors.has(id);
  const signedBy = visible(row.signedBy)
    ? `${names.user(row.signedBy)}　${formatSheetTime(row.signedAt)}`
    : '';
  const handlers = row.handling
    .map((h) => ({ ...h, handlers: h.handlers.filter(visible) }))
    .filter((h) => h.handlers.length > 0)
    .map(
      (h) =>
        `${dept(h.departmentId)}（${h.role === 'main' ? '主办' : '协办'}）：${h.handlers
          .map(names.user)
          .join('→')}`,
    )
    .join('；');
  const withdrawn = new Set(steps.filter((s) => s.withdrawn).map((s) => s.seq));
  const archive = [...access.fullLedger]
    .reverse()
    .find((e) => e.event === 'ARCHIVE' && !withdrawn.has(e.seq));
  const archiveCode =
    typeof archive?.fields.archiveCode === 'string' ? archive.fields.archiveCode : '';
  const fields: Array<[string, string]> = [
    ['收文编号', ctx.serialNo ?? ''],
    ['标题', r.title],
    ['来文单位', r.senderUnit],
    ['来文字号', r.senderDocNumber],
    ['收文日期', r.receivedDate],
    ['成文日期', r.writtenDate ?? ''],
    ['签收人', signedBy],
    ['文种', r.docType],
    [
      '密级',
      r.secrecy === '非密' ? '非密' : `${r.secrecy}${r.secrecyTerm ? `（${r.secrecyTerm}）` : ''}`,
    ],
    ['紧急程度', r.urgency],
    ['份数／页数', `${r.copies} 份／${r.pages} 页`],
    ['主题词', r.keywords.join(' ')],
    ['附件', r.attachments.map((a) => a.name).join('；')],
  ];
  if (ctx.proposal) {
    fields.push(
      ['主办部门', dept(ctx.proposal.mainDepartment)],
      ['办理时限', ctx.proposal.deadlineAt.slice(0, 10)],
    );
  }
  fields.push(['承办人', handlers], ['档号', archiveCode]);
  const opinions = steps
    .filter((s) => !s.withdrawn && s.event in OPINION_STEPS && (s.opinion || s.handwriting))
    .map((s) => ({
      step: OPINION_STEPS[s.event]!,
      name: s.onBehalfOfName ? `${s.actorName}（代${s.onBehalfOfName}）` : s.actorName,
      at: s.at,
      // 分派 / 转办: whom it went to, then the 说明
      text: NOTE_STEPS.has(s.event) && s.detail ? `${s.detail}\n说明：${s.opinion}` : s.opinion,
      strokes: s.handwriting,
    }));
  return {
    caseId,
    title: '收文处理笺',
    unitName: unit?.name ?? '',
    fields,
    opinions,
  };
}
