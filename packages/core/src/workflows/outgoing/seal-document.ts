import type { Directory } from '../../directory/directory.ts';
import type { TransitionResult, WorkflowEngine } from '../../engine/engine.ts';
import { InvalidEvent, NotPermitted } from '../../errors.ts';
import type { BlobInfo, BlobStore } from '../../ports/blob-store.ts';
import type { DocumentRenderer } from '../../ports/document-renderer.ts';
import type { Sealer } from '../../ports/sealer.ts';
import { outgoingContextOf } from './case-context.ts';
import type { OutgoingContext } from './context.ts';
import { currentDocNumber } from './doc-numbers.ts';
import { buildOutgoingOfficialDocument, type Letterhead } from './official-document.ts';

/** What `sealOutgoingDocument` did. */
export interface SealOutcome {
  result: TransitionResult;
  /** The recorded seal (from the case). */
  seal: NonNullable<OutgoingContext['seal']>;
  /** The stored sealed PDF, or null when the command had already run (a retry). */
  pdf: BlobInfo | null;
}

/**
 * 盖章: renders the 成文稿 with its 文号 as a PDF through the `DocumentRenderer`, seals it with
 * the unit's electronic seal at the renderer's seal anchor through the `Sealer`, stores the
 * sealed PDF in the `BlobStore` and sends SEAL (blob key, digest, certificate serial, signer
 * name, time) to the case. The machine stays pure; this function does the I/O.
 *
 * Idempotent by `commandId`: once the case is sealed, a retry sends the same SEAL again and
 * the engine answers with the first result (another command id is refused: already sealed).
 * A crash between storing the PDF and SEAL leaves an unreferenced blob; the retry seals anew.
 */
export async function sealOutgoingDocument(args: {
  engine: WorkflowEngine;
  directory: Directory;
  renderer: DocumentRenderer;
  sealer: Sealer;
  blobs: BlobStore;
  caseId: string;
  /** The secretary applying the seal (holder of the seal's 盖章 permission). */
  actorId: string;
  commandId: string;
  sealId: string;
  pin: string;
  pkcs12?: Uint8Array;
  letterhead?: Letterhead;
  /** 印发日期 (default: now). */
  printDate?: Date;
}): Promise<SealOutcome> {
  const { engine, caseId, actorId, commandId } = args;
  const caseRecord = await engine.case(caseId, { actorId });
  const ctx = outgoingContextOf(caseRecord);
  if (ctx.seal !== null) {
    const { by: _b, recordedAt: _r, ...payload } = ctx.seal;
    const result = await engine.send({
      caseId,
      actorId,
      commandId,
      event: { type: 'SEAL', ...payload },
    });
    return { result, seal: ctx.seal, pdf: null };
  }
  if (caseRecord.state !== 'sealing')
    throw new InvalidEvent('当前环节不能盖章', { state: caseRecord.state });
  // authorise before rendering and sealing: only who may send SEAL now gets that far
  if (!(await engine.can({ caseId, actorId })).some((e) => e.type === 'SEAL'))
    throw new NotPermitted('您不是当前环节的办理人', { event: 'SEAL' });
  const docNumber = currentDocNumber(ctx)?.docNumber;
  if (!docNumber) throw new InvalidEvent('尚未取得文号，不能盖章');
  const doc = await buildOutgoingOfficialDocument({
    caseRecord,
    directory: args.directory,
    ...(args.letterhead && { letterhead: args.letterhead }),
    ...(args.printDate && { printDate: args.printDate }),
  });
  const rendered = await args.renderer.renderPdf(doc);
  const sealed = await args.sealer.seal({
    unitId: caseRecord.unitId,
    sealId: args.sealId,
    actorId,
    pdf: rendered.pdf,
    placement: {
      page: rendered.sealAnchor.page,
      x: rendered.sealAnchor.x,
      y: rendered.sealAnchor.y,
    },
    pin: args.pin,
    ...(args.pkcs12 && { pkcs12: args.pkcs12 }),
    reason: `${docNumber} 印发`,
  });
  const pdf = await args.blobs.put(sealed.pdf, {
    contentType: 'application/pdf',
    name: `${docNumber}.pdf`,
  });
  const result = await engine.send({
    caseId,
    actorId,
    commandId,
    event: {
      type: 'SEAL',
      pdfBlobKey: pdf.key,
      pdfSha256: pdf.sha256,
      pageCount: rendered.pageCount,
      certificateSerial: sealed.certificateSerial,
      signerName: sealed.signerName,
      sealId: args.sealId,
      docNumber,
      sealedAt: sealed.sealedAt.toISOString(),
    },
  });
  const after = outgoingContextOf(await engine.case(caseId));
  return { result, seal: after.seal!, pdf };
}
