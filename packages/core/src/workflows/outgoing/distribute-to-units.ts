import { createChineseCalendar, type WorkingCalendar } from '../../calendar/working-calendar.ts';
import { type Clock, systemClock } from '../../clock.ts';
import type { Directory } from '../../directory/directory.ts';
import type { TransitionResult, WorkflowEngine } from '../../engine/engine.ts';
import { InvalidEvent, NotPermitted, ValidationFailed } from '../../errors.ts';
import type { DIRECTIONS } from '../shared/document-vocabulary.ts';
import { outgoingContextOf } from './case-context.ts';
import { currentDocNumber } from './doc-numbers.ts';

/** One delivery `distributeToUnits` made. */
export interface DistributionLine {
  recipient: string;
  /** The platform unit, or null for an external one. */
  unitId: string | null;
  /** The 收文 case created in that unit. */
  incomingCaseId: string | null;
  registeredBy: string | null;
  method: string;
}

/** The command id of the 收文 start for one recipient unit: stable, so a retry never creates a second case. */
export function distributionCommandId(outgoingCaseId: string, unitId: string): string {
  return `outgoing:${outgoingCaseId}:incoming:${unitId}`;
}

/** The command id of the DISTRIBUTE event of a case. */
export function distributeEventCommandId(outgoingCaseId: string): string {
  return `outgoing:${outgoingCaseId}:distribute`;
}

/**
 * 分发: delivers a sealed 发文 to every unit in 主送 and 抄送. For each unit on the platform it
 * starts a 收文 case in that unit, registered by that unit's registrar (`registrarOf`, default:
 * the first active `secretary` of the unit) with the registration pre-filled from the document
 * (标题, 来文单位, 来文字号 = 文号, 文种, 密级, 紧急程度, the sealed PDF and attachments) and
 * `source` pointing back to this case; that registration is the unit's 回执. Then it sends
 * DISTRIBUTE, which records every delivery (the 收文 case ids link back) and opens a 回执 task
 * for each external unit, which a secretary records on its behalf.
 *
 * Idempotent: the 收文 starts and DISTRIBUTE use command ids derived from the case and unit
 * (`distributionCommandId`), so a retry after a crash returns the cases already created and
 * never creates a second one.
 */
export async function distributeToUnits(args: {
  engine: WorkflowEngine;
  directory: Directory;
  caseId: string;
  /** The secretary distributing (must hold the 分发 task). */
  actorId: string;
  calendar?: WorkingCalendar;
  clock?: Clock;
  /** Who registers the 收文 in a platform unit (default: its first active secretary). */
  registrarOf?: (unitId: string) => Promise<string | null>;
  /** 上级来文 / 下级来文 / 平级来文, as the recipient sees this sender (default 平级来文). */
  directionOf?: (unitId: string) => (typeof DIRECTIONS)[number];
  /** 发送方式 for external units (default 机要交换). */
  externalMethod?: string;
}): Promise<{ result: TransitionResult; deliveries: DistributionLine[] }> {
  const { engine, directory, caseId, actorId } = args;
  const calendar = args.calendar ?? createChineseCalendar();
  const clock = args.clock ?? systemClock;
  const caseRecord = await engine.case(caseId, { actorId });
  const ctx = outgoingContextOf(caseRecord);
  const already = ctx.distributedAt !== null;
  if (!already) {
    if (caseRecord.state !== 'dispatching')
      throw new InvalidEvent('当前环节不能分发', { state: caseRecord.state });
    // authorise before creating anything in other units
    if (!(await engine.can({ caseId, actorId })).some((e) => e.type === 'DISTRIBUTE'))
      throw new NotPermitted('您不是当前环节的办理人', { event: 'DISTRIBUTE' });
  }
  const seal = ctx.seal;
  const docNumber = currentDocNumber(ctx)?.docNumber;
  if (!seal || !docNumber) throw new InvalidEvent('公文尚未盖章，不能分发');
  const sender = await directory.getUnit(caseRecord.unitId);
  const registrarOf =
    args.registrarOf ??
    (async (unitId: string) =>
      (await directory.usersWithRole(unitId, 'secretary'))
        .filter((u) => u.active)
        .map((u) => u.id)
        .sort()[0] ?? null);
  const h = ctx.header;
  const now = clock.now();
  const deliveries: DistributionLine[] = [];
  for (const r of ctx.recipients) {
    if (!('unitId' in r.recipient)) {
      deliveries.push({
        recipient: r.key,
        unitId: null,
        incomingCaseId: null,
        registeredBy: null,
        method: r.delivery?.method ?? args.externalMethod ?? '机要交换',
      });
      continue;
    }
    const unitId = r.recipient.unitId;
    const unit = await directory.getUnit(unitId);
    if (!unit) throw new ValidationFailed(`受文单位“${unitId}”不在平台上`, { unitId });
    const registrar = r.delivery?.registeredBy ?? (await registrarOf(unitId));
    if (!registrar) throw new ValidationFailed(`${unit.name}没有可签收公文的文秘人员`, { unitId });
    const started = await engine.start({
      workflow: 'incoming',
      actorId: registrar,
      commandId: distributionCommandId(caseId, unitId),
      input: {
        title: h.title,
        senderUnit: sender?.name ?? caseRecord.unitId,
        senderDocNumber: docNumber,
        receivedDate: calendar.dateOf(now),
        writtenDate: calendar.dateOf(new Date(ctx.finalized?.at ?? seal.sealedAt)),
        docType: h.docType,
        classificationCode: h.classification,
        keywords: h.keywords,
        secrecy: h.secrecy,
        ...(h.secrecyTerm && { secrecyTerm: h.secrecyTerm }),
        urgency: h.urgency,
        headType: '红头',
        direction: args.directionOf?.(unitId) ?? '平级来文',
        copies: 1,
        pages: seal.pageCount,
        attachments: [
          { blobId: seal.pdfBlobKey, name: `${docNumber}.pdf` },
          ...h.attachments
            .filter((a) => a.role === 'attachment')
            .map((a) => ({ blobId: a.blobId, name: a.name })),
        ],
        source: { workflow: 'outgoing', caseId, unitId: caseRecord.unitId, docNumber },
      },
    });
    deliveries.push({
      recipient: r.key,
      unitId,
      incomingCaseId: started.caseId,
      registeredBy: registrar,
      method: '平台',
    });
  }
  const result = await engine.send({
    caseId,
    actorId,
    commandId: distributeEventCommandId(caseId),
    event: {
      type: 'DISTRIBUTE',
      deliveries: deliveries.map((d) => ({
        recipient: d.recipient,
        method: d.method,
        ...(d.incomingCaseId && { incomingCaseId: d.incomingCaseId }),
        ...(d.registeredBy && { registeredBy: d.registeredBy }),
      })),
    },
  });
  return { result, deliveries };
}
