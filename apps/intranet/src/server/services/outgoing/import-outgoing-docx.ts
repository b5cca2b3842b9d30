import { NotFound, NotPermitted, ValidationFailed } from '@gongwen/core';
import { importDocx } from '@gongwen/documents';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { idb } from '~/server/services/incoming/tables';

/**
 * 导入 Word 稿: reads a .docx this user uploaded (and no case uses yet) and turns it into the
 * structured 正文 (`importDocx`: headings by GB/T 9704 numbering or Word heading styles,
 * paragraphs, tables), with Chinese warnings for what was lost. The upload stays in the blob
 * store; the draft keeps it as its 原稿 attachment (`importedFrom`).
 */
export async function importOutgoingDocx(app: AppServices, user: SessionUser, blobId: string) {
  const row = await idb(app)
    .selectFrom('app_blobs')
    .selectAll()
    .where('key', '=', blobId)
    .executeTakeFirst();
  if (!row || row.unit_id !== user.unitId)
    throw new NotFound('上传的文件不存在，请重新上传', { blobId });
  if (row.uploaded_by !== user.id || row.case_id !== null)
    throw new NotPermitted('只能导入自己刚上传的 Word 文件');
  if (!/\.docx$/i.test(row.name)) {
    const message = '只能导入 .docx 格式的 Word 文件（.doc 请先另存为 .docx）';
    throw new ValidationFailed(message, { issues: [{ path: ['blobId'], message }] });
  }
  const { body, warnings } = await importDocx(await app.blobs.get(blobId));
  if (body.blocks.length === 0) {
    const message = '该 Word 文件中没有可导入的正文';
    throw new ValidationFailed(message, { issues: [{ path: ['blobId'], message }] });
  }
  return { body, warnings, original: { blobId, name: row.name } };
}
