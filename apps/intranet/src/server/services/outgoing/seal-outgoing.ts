import { createHash } from 'node:crypto';
import { sealOutgoingDocument } from '@gongwen/core';
import type { z } from 'zod';
import type { ZOutgoingSeal } from '~/lib/schemas/outgoing';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { idb } from '~/server/services/incoming/tables';
import { loadOutgoingAccess } from './access';
import { SYSTEM_UPLOADER } from './render-outgoing-preview';
import { outgoingRenderer, printingRenderer } from './renderer';

/**
 * 盖章: the secretary's PIN unlocks the unit's seal; the 成文稿 with its 文号 is rendered in the
 * GB/T 9704 layout, sealed at the signature block, stored and recorded on the case (SEAL), all
 * by the core's `sealOutgoingDocument`. Returns the seal and the verification of the stored
 * PDF (every seal in it, checked offline). A wrong PIN or a user without the seal is refused
 * and nothing is written to the case.
 */
export async function sealOutgoing(
  app: AppServices,
  user: SessionUser,
  input: z.output<typeof ZOutgoingSeal>,
) {
  await loadOutgoingAccess(app, user, input.caseId);
  const { sealer } = app;
  const { sealId } = await sealer.ensureUnitSeal(user.unitId);
  const outcome = await sealOutgoingDocument({
    engine: app.engine,
    directory: app.directory,
    renderer: printingRenderer(outgoingRenderer()),
    sealer,
    blobs: app.blobs,
    caseId: input.caseId,
    actorId: user.id,
    commandId: input.commandId,
    sealId,
    pin: input.pin,
    printDate: app.clock.now(),
  });
  if (outcome.pdf) {
    // registered as the case's blob, so that downloads are checked like any attachment
    await idb(app)
      .insertInto('app_blobs')
      .values({
        key: outcome.pdf.key,
        unit_id: user.unitId,
        uploaded_by: SYSTEM_UPLOADER,
        name: outcome.pdf.name,
        content_type: 'application/pdf',
        size: outcome.pdf.size,
        sha256: outcome.pdf.sha256,
        created_at: app.clock.now(),
        case_id: input.caseId,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  const verification = await sealer.verify(await app.blobs.get(outcome.seal.pdfBlobKey));
  return { result: outcome.result, seal: outcome.seal, verification };
}

/** The verification of a case's sealed PDF (every seal in it, offline), for the case page. */
export async function verifyOutgoingSeal(app: AppServices, user: SessionUser, caseId: string) {
  const { ctx } = await loadOutgoingAccess(app, user, caseId);
  if (!ctx.seal) return { sealed: false as const, verification: [] };
  const pdf = await app.blobs.get(ctx.seal.pdfBlobKey);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  return {
    sealed: true as const,
    /** The stored file is still the one recorded on the case. */
    unchanged: sha256 === ctx.seal.pdfSha256,
    verification: await app.sealer.verify(pdf),
  };
}

/** The sealed PDF of a case for download, if the user may see the case. */
export async function readSealedPdf(app: AppServices, user: SessionUser, caseId: string) {
  const { ctx } = await loadOutgoingAccess(app, user, caseId);
  if (!ctx.seal) return null;
  return {
    pdf: await app.blobs.get(ctx.seal.pdfBlobKey),
    fileName: `${ctx.seal.docNumber}.pdf`,
  };
}
