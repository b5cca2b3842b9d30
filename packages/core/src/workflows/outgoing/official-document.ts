import type { Directory } from '../../directory/directory.ts';
import { InvalidEvent } from '../../errors.ts';
import type { OfficialDocument } from '../../ports/document-renderer.ts';
import type { CaseRecord } from '../../ports/store.ts';
import { outgoingContextOf } from './case-context.ts';
import { currentDocNumber } from './doc-numbers.ts';
import type { Recipient } from './fields.ts';

/** What the unit prints on its documents; defaults come from the unit's name. */
export interface Letterhead {
  /** 发文机关标志 (default: `<unit name>文件`). */
  issuerMark?: string;
  /** 发文机关署名 (default: the unit name). */
  signatureName?: string;
  /** 印发机关 (default: the unit name). */
  printer?: string;
  /** 附注. */
  note?: string;
}

async function recipientNames(directory: Directory, rs: readonly Recipient[]): Promise<string> {
  const names: string[] = [];
  for (const r of rs) {
    if ('name' in r) names.push(r.name);
    else names.push((await directory.getUnit(r.unitId))?.name ?? r.unitId);
  }
  return names.join('，');
}

/**
 * The `OfficialDocument` of a 发文 case for a `DocumentRenderer`: the 成文稿 (final version)
 * with the 文号, 密级, 紧急程度, recipients, 签发人 (for 请示/报告), attachments and dates.
 * Before 成文, the latest version is used and `docNumber` is left out (a draft preview).
 */
export async function buildOutgoingOfficialDocument(args: {
  caseRecord: CaseRecord;
  directory: Directory;
  letterhead?: Letterhead;
  /** 印发日期 (default: now). */
  printDate?: Date;
}): Promise<OfficialDocument> {
  const { caseRecord, directory } = args;
  const ctx = outgoingContextOf(caseRecord);
  const h = ctx.header;
  const unit = await directory.getUnit(caseRecord.unitId);
  if (!unit) throw new InvalidEvent('单位不存在', { unitId: caseRecord.unitId });
  const final = ctx.finalized
    ? ctx.versions.find((v) => v.no === ctx.finalized!.version)
    : ctx.versions.at(-1);
  const body = final?.body ?? { blocks: [] };
  const number = ctx.finalized ? currentDocNumber(ctx)?.docNumber : undefined;
  const lh = args.letterhead ?? {};
  const signer = ctx.signer ? await directory.getUser(ctx.signer) : null;
  const mainRecipients = await recipientNames(directory, h.mainRecipients);
  const ccRecipients = await recipientNames(directory, h.ccRecipients);
  const attachments = h.attachments.filter((a) => a.role !== 'original').map((a) => a.name);
  const doc: OfficialDocument = {
    issuerMark: lh.issuerMark ?? `${unit.name}文件`,
    title: h.title,
    body,
    signatureName: lh.signatureName ?? unit.name,
    date: new Date(ctx.finalized?.at ?? ctx.signing?.at ?? ctx.draftedAt),
    printer: lh.printer ?? unit.name,
    printDate: args.printDate ?? new Date(),
    ...(h.secrecy !== '非密' && { secrecy: h.secrecy }),
    ...(h.secrecy !== '非密' && h.secrecyTerm && { secrecyPeriod: h.secrecyTerm }),
    ...(h.urgency !== '普通' && { urgency: h.urgency }),
    ...(number && { docNumber: number }),
    ...((h.docType === '请示' || h.docType === '报告') && signer && { signers: [signer.name] }),
    ...(mainRecipients && { mainRecipients }),
    ...(ccRecipients && { ccRecipients }),
    ...(attachments.length > 0 && { attachments }),
    ...(lh.note && { note: lh.note }),
  };
  return doc;
}
