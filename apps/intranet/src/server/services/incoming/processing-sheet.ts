import type { IncomingContext } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app';
import type { ProcessingSheet } from '~/server/services/sheets/render-processing-sheet';
import { loadIncomingAccess } from './access';
import { timelineSteps } from './incoming-timeline';
import { loadNames } from './people';

/** The 处理笺 heading of each opinion-bearing step. */
const OPINION_STEPS: Record<string, string> = {
  PROPOSE: '拟办意见',
  REVIEW: '审阅意见',
  INSTRUCT: '领导批示',
  RETURN: '退回理由',
  SUBMIT_RESULT: '办理结果',
  CONFIRM: '办结确认',
  SEND_BACK: '退回重办',
  READ: '阅文意见',
  REMIND: '催办',
  ARCHIVE: '归档说明',
};

/**
 * The 收文处理笺 of a case as `user` may see it: the header fields, then every opinion (with
 * name, date and 手写批注) of the visible flow, leaving out steps taken back by 撤回.
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
  const steps = await timelineSteps(app, access, names);
  const dept = (id: string | undefined) => (id ? names.department(id) : '');
  const fields: Array<[string, string]> = [
    ['收文编号', ctx.serialNo ?? ''],
    ['标题', r.title],
    ['来文单位', r.senderUnit],
    ['来文字号', r.senderDocNumber],
    ['收文日期', r.receivedDate],
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
  const opinions = steps
    .filter((s) => !s.withdrawn && s.event in OPINION_STEPS && (s.opinion || s.handwriting))
    .map((s) => ({
      step: OPINION_STEPS[s.event]!,
      name: s.onBehalfOfName ? `${s.actorName}（代${s.onBehalfOfName}）` : s.actorName,
      at: s.at,
      text: s.opinion,
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
