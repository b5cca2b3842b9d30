import { createHash } from 'node:crypto';
import { buildOutgoingOfficialDocument, canonicalJson } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { idb } from '~/server/services/incoming/tables';
import { loadOutgoingAccess } from './access';
import { outgoingRenderer, withCopyNumber } from './renderer';

/** The uploader recorded on blobs the server generates itself. */
export const SYSTEM_UPLOADER = '$system';

/** The preview PDF of a case and how it was obtained. */
export interface OutgoingPreview {
  pdf: Uint8Array;
  fileName: string;
  /** `sealed`: the sealed document itself; `rendered`: rendered now; `cached`: from the blob store. */
  source: 'sealed' | 'rendered' | 'cached';
  pageCount: number | null;
}

/**
 * The GB/T 9704 PDF of a 发文 case as `user` may see it: once sealed, the sealed PDF itself;
 * before that, the version in force (the 成文稿 after 成文) with its 文号 once allocated,
 * rendered through LibreOffice and cached in the blob store under a digest of everything
 * printed (version, 文号, header, names, dates) — the next view of the same content is
 * served from the cache, and any change renders anew.
 */
export async function renderOutgoingPreview(
  app: AppServices,
  user: SessionUser,
  caseId: string,
): Promise<OutgoingPreview> {
  // the whole context: the 成文日期 is the 签发 date whether or not the viewer sees that step
  const { caseRecord, fullCtx: ctx } = await loadOutgoingAccess(app, user, caseId);
  if (ctx.seal) {
    return {
      pdf: await app.blobs.get(ctx.seal.pdfBlobKey),
      fileName: `${ctx.seal.docNumber}.pdf`,
      source: 'sealed',
      pageCount: ctx.seal.pageCount,
    };
  }
  const printedAt = new Date(ctx.finalized?.at ?? ctx.signing?.at ?? ctx.versions.at(-1)!.at);
  const doc = withCopyNumber(
    await buildOutgoingOfficialDocument({
      caseRecord,
      directory: app.directory,
      printDate: printedAt,
    }),
  );
  const digest = createHash('sha256').update(canonicalJson(doc)).digest('hex').slice(0, 24);
  const name = `preview-${digest}.pdf`;
  const fileName = `${doc.docNumber ?? `${ctx.header.title}（第${ctx.versions.at(-1)!.no}稿）`}.pdf`;
  const cached = await idb(app)
    .selectFrom('app_blobs')
    .select(['key'])
    .where('case_id', '=', caseId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (cached) {
    const pdf = await app.blobs.get(cached.key).catch(() => null);
    if (pdf) return { pdf, fileName, source: 'cached', pageCount: null };
  }
  const rendered = await outgoingRenderer().renderPdf(doc);
  const info = await app.blobs.put(rendered.pdf, { contentType: 'application/pdf', name });
  await idb(app)
    .insertInto('app_blobs')
    .values({
      key: info.key,
      unit_id: caseRecord.unitId,
      uploaded_by: SYSTEM_UPLOADER,
      name,
      content_type: 'application/pdf',
      size: info.size,
      sha256: info.sha256,
      created_at: app.clock.now(),
      case_id: caseId,
    })
    .execute();
  return { pdf: rendered.pdf, fileName, source: 'rendered', pageCount: rendered.pageCount };
}
