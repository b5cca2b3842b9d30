import { INCOMING_WORKFLOW, NotFound, NotPermitted, ValidationFailed } from '@gongwen/core';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '~/lib/schemas/incoming';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { caseListsOf } from '~/server/services/tasks/case-lists';
import { loadIncomingAccess } from './access';
import { idb } from './tables';

/** An uploaded attachment, as the forms put it into `attachments: [{ blobId, name }]`. */
export interface UploadedAttachment {
  blobId: string;
  name: string;
  size: number;
  contentType: string;
}

const TYPE_NAMES = 'PDF、OFD、Word、WPS、Excel、PowerPoint、文本、图片（JPG/PNG）或 ZIP';

/** Magic numbers of the types that have one, so that a renamed executable is refused. */
function looksLike(ext: string, bytes: Uint8Array): boolean {
  const head = (n: number) => Buffer.from(bytes.subarray(0, n)).toString('latin1');
  if (ext === 'pdf') return head(5) === '%PDF-';
  if (ext === 'png') return head(8) === '\x89PNG\r\n\x1a\n';
  if (ext === 'jpg' || ext === 'jpeg') return bytes[0] === 0xff && bytes[1] === 0xd8;
  if (['docx', 'xlsx', 'pptx', 'zip', 'ofd'].includes(ext)) return head(2) === 'PK';
  if (['doc', 'xls', 'ppt', 'wps'].includes(ext))
    return head(8) === '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' || head(2) === 'PK';
  return true;
}

/**
 * Stores an uploaded attachment in the blob store after checking its name, size and type
 * (by extension, and by content where the type has a signature). The blob belongs to no case
 * until a registration or a result refers to it; until then only its uploader may read it.
 */
export async function uploadAttachment(
  app: AppServices,
  user: SessionUser,
  file: { name: string; bytes: Uint8Array },
): Promise<UploadedAttachment> {
  const name = file.name.trim().replace(/[\\/]/g, '_');
  const fail = (message: string): never => {
    throw new ValidationFailed(message, { issues: [{ path: ['file'], message }] });
  };
  if (name === '') fail('附件缺少文件名');
  if (name.length > 200) fail('附件文件名不能超过200字');
  if (file.bytes.byteLength === 0) fail(`附件“${name}”是空文件`);
  if (file.bytes.byteLength > ATTACHMENT_MAX_BYTES)
    fail(`附件“${name}”超过${ATTACHMENT_MAX_BYTES / 1024 / 1024}MB，不能上传`);
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const contentType = ATTACHMENT_TYPES[ext];
  if (!contentType) fail(`不支持的附件类型${ext ? `“.${ext}”` : ''}，仅支持${TYPE_NAMES}`);
  if (!looksLike(ext, file.bytes)) fail(`附件“${name}”的内容与扩展名“.${ext}”不符`);
  const info = await app.blobs.put(file.bytes, { contentType: contentType!, name });
  await idb(app)
    .insertInto('app_blobs')
    .values({
      key: info.key,
      unit_id: user.unitId,
      uploaded_by: user.id,
      name,
      content_type: contentType!,
      size: info.size,
      sha256: info.sha256,
      created_at: app.clock.now(),
      case_id: null,
    })
    .execute();
  return { blobId: info.key, name, size: info.size, contentType: contentType! };
}

/**
 * Checks that every attachment a payload names is a blob this user uploaded and that no other
 * case uses (a retried command may find them already linked to its own case).
 */
export async function checkAttachments(
  app: AppServices,
  user: SessionUser,
  attachments: ReadonlyArray<{ blobId: string }>,
  opts: { caseId: string | null; commandId: string },
): Promise<void> {
  if (attachments.length === 0) return;
  const keys = [...new Set(attachments.map((a) => a.blobId))];
  const rows = await idb(app)
    .selectFrom('app_blobs')
    .select(['key', 'unit_id', 'uploaded_by', 'case_id'])
    .where('key', 'in', keys)
    .execute();
  const own = (await app.store.getCommand(opts.commandId))?.caseId ?? null;
  const issues = keys.flatMap((key, i) => {
    const row = rows.find((r) => r.key === key);
    const ok =
      row !== undefined &&
      row.unit_id === user.unitId &&
      row.uploaded_by === user.id &&
      (row.case_id === null || row.case_id === opts.caseId || row.case_id === own);
    return ok
      ? []
      : [{ path: ['attachments', i, 'blobId'], message: '附件不存在或已被使用，请重新上传' }];
  });
  if (issues.length > 0) throw new ValidationFailed('附件不存在或已被使用，请重新上传', { issues });
}

/** Marks the attachments as belonging to `caseId` (after the command that refers to them). */
export async function linkAttachments(
  app: AppServices,
  caseId: string,
  attachments: ReadonlyArray<{ blobId: string }>,
): Promise<void> {
  if (attachments.length === 0) return;
  await idb(app)
    .updateTable('app_blobs')
    .set({ case_id: caseId })
    .where(
      'key',
      'in',
      attachments.map((a) => a.blobId),
    )
    .where('case_id', 'is', null)
    .execute();
}

/** A 收文 case of `unitId` whose registration lists the blob (a document distributed to it). */
async function receivedIn(app: AppServices, unitId: string, key: string): Promise<string | null> {
  const page = await caseListsOf(app).cases({
    unitId,
    workflow: INCOMING_WORKFLOW,
    match: {
      allOf: [
        { not: { field: 'source', in: [null] } },
        { snapshot: ['context', 'registration', 'attachments', 'blobId'], has: [key] },
      ],
    },
    sort: { by: 'createdAt', dir: 'asc' },
    columns: 'header',
    limit: 1,
  });
  return page.items[0]?.id ?? null;
}

/** Whether `userId` took part in case `caseId` of `unitId` (acted, was acted for, or was asked to act). */
async function tookPart(
  app: AppServices,
  unitId: string,
  caseId: string,
  userId: string,
): Promise<boolean> {
  const page = await caseListsOf(app).cases({
    unitId,
    ids: [caseId],
    access: { participants: [userId] },
    columns: 'header',
    limit: 1,
  });
  return page.total > 0;
}

/**
 * The bytes of a blob for download, if `user` may read it (a blob of another unit only
 * through a 收文 case it was distributed with): a blob not yet used by a case only
 * by its uploader; a blob of a 收文 case by whoever may see that case (the workflow's rules);
 * a blob of another workflow's case by its participants and the unit's leaders and secretariat.
 */
export async function readBlobFor(
  app: AppServices,
  user: SessionUser,
  key: string,
): Promise<{ bytes: Uint8Array; name: string; contentType: string; size: number }> {
  const row = await idb(app)
    .selectFrom('app_blobs')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) throw new NotFound('附件不存在', { key });
  if (row.unit_id !== user.unitId) {
    // 分发 to a unit on the platform: the sender's sealed document is an attachment of the
    // 收文 case it created in this unit, and whoever may see that case may read it.
    const received = await receivedIn(app, user.unitId, key);
    if (!received) throw new NotFound('附件不存在', { key });
    await loadIncomingAccess(app, user, received);
  } else if (row.case_id === null) {
    if (row.uploaded_by !== user.id) throw new NotPermitted('无权下载该附件');
  } else {
    const c = await app.store.getCase(row.case_id);
    if (!c) throw new NotFound('附件所属办件不存在', { key });
    if (c.workflow === INCOMING_WORKFLOW) {
      await loadIncomingAccess(app, user, row.case_id);
    } else {
      const seesAll = user.roles.some((r) => ['leader', 'officeDirector', 'secretary'].includes(r));
      if (!seesAll && !(await tookPart(app, c.unitId, c.id, user.id)))
        throw new NotPermitted('无权下载该附件');
    }
  }
  const bytes = await app.blobs.get(key);
  return { bytes, name: row.name, contentType: row.content_type, size: row.size };
}
