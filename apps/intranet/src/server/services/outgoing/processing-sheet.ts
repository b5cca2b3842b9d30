import { currentDocNumber } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import type { ProcessingSheet } from '~/server/services/sheets/render-processing-sheet';
import { loadOutgoingAccess } from './access';
import { loadOutgoingNames } from './names';
import { outgoingTimelineSteps } from './outgoing-timeline';

/** The 发文稿纸 heading of each opinion-bearing step. */
const OPINION_STEPS: Record<string, string> = {
  CHECK: '核稿意见',
  RETURN: '退回理由',
  ASSIGN_MEMBER: '会签：指定承办人',
  COUNTERSIGN: '会签意见',
  COUNTERSIGN_AGAIN: '再次会签',
  SEND_TO_RECHECK: '送复核说明',
  RECHECK: '复核意见',
  SIGN: '签发意见',
  REJECT: '不予签发',
  RETURN_FOR_REVISION: '退回修改意见',
  FINALIZE: '成文说明',
  VOID_DOC_NUMBER: '文号作废',
  ARCHIVE: '归档说明',
};

/**
 * The 发文稿纸 of a case as `user` may see it: the header (文号, 标题, 拟稿单位 …, 签发人), then
 * every opinion of the visible flow with name, date and 手写批注, leaving out steps taken back.
 * Rendered by the shared 处理笺 renderer.
 */
export async function buildOutgoingSheet(
  app: AppServices,
  user: SessionUser,
  caseId: string,
): Promise<ProcessingSheet & { caseId: string }> {
  const access = await loadOutgoingAccess(app, user, caseId);
  const { caseRecord, ctx } = access;
  const h = ctx.header;
  const names = await loadOutgoingNames(app, caseRecord.unitId);
  const steps = await outgoingTimelineSteps(app, access, names);
  const fields: Array<[string, string]> = [
    ['发文字号', currentDocNumber(ctx)?.docNumber ?? '（尚未编号）'],
    ['标题', h.title],
    ['文种', h.docType],
    [
      '密级',
      h.secrecy === '非密' ? '非密' : `${h.secrecy}${h.secrecyTerm ? `★${h.secrecyTerm}` : ''}`,
    ],
    ['紧急程度', h.urgency],
    ['分类', h.classification],
    ['拟稿单位', names.department(h.draftingDepartment)],
    ['拟稿人', `${names.user(ctx.drafter)}　${ctx.draftedAt.slice(0, 10)}`],
    ['主送', h.mainRecipients.map(names.recipient).join('，')],
    ['抄送', h.ccRecipients.map(names.recipient).join('，')],
    ['份数', `${h.copies} 份`],
    ['主题词', h.keywords.join(' ')],
    [
      '附件',
      h.attachments
        .filter((a) => a.role !== 'original')
        .map((a) => a.name)
        .join('；'),
    ],
    ['签发人', ctx.signer ? names.user(ctx.signer) : ''],
    [
      '正文版本',
      `共 ${ctx.versions.length} 版${ctx.finalized ? `，成文稿为第 ${ctx.finalized.version} 版` : ''}`,
    ],
  ];
  const opinions = steps
    .filter((s) => !s.withdrawn && s.event in OPINION_STEPS && (s.opinion || s.handwriting))
    .map((s) => ({
      step: s.department
        ? `${OPINION_STEPS[s.event]!}（${s.department}）`
        : OPINION_STEPS[s.event]!,
      name: s.onBehalfOfName ? `${s.actorName}（代${s.onBehalfOfName}）` : s.actorName,
      at: s.at,
      text: s.opinion,
      strokes: s.handwriting,
    }));
  return {
    caseId,
    title: '发文稿纸',
    unitName: names.unit(caseRecord.unitId),
    fields,
    opinions,
    footer: `打印人：${user.name}`,
  };
}
