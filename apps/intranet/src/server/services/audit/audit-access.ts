import { type AppServices, db } from '~/server/app-types';
import { writeAudit } from './write-audit';

/** What a download or export route records. */
export interface AccessRecord {
  /** `document.download` (a file of a case) or `export.<what>` (a spreadsheet of many cases). */
  action: 'document.download' | `export.${string}`;
  /** The case, blob or list exported. */
  target: string;
  detail?: Record<string, unknown>;
}

/** The client address of a request (first X-Forwarded-For hop, else X-Real-IP). */
export function ipOfHeaders(headers: Headers): string | null {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip') || null;
}

/**
 * Writes an audit row for a document download or an export by a signed-in user: call it once
 * the permission check passed, before the bytes are sent.
 */
export async function auditAccess(
  app: AppServices,
  user: { id: string; unitId: string },
  req: { headers: Headers },
  record: AccessRecord,
): Promise<void> {
  await writeAudit(db(app), {
    unitId: user.unitId,
    at: app.clock.now(),
    actorId: user.id,
    action: record.action,
    target: record.target.slice(0, 200),
    detail: record.detail ?? {},
    ip: ipOfHeaders(req.headers),
  });
}

/** 退出登录: one row when a session was really ended (a revoked copy signing out writes none). */
export async function auditSignOut(app: AppServices, userId: string): Promise<void> {
  const user = await app.directory.getUser(userId);
  await writeAudit(db(app), {
    unitId: user?.unitId ?? null,
    at: app.clock.now(),
    actorId: userId,
    action: 'auth.signOut',
    target: userId,
  });
}
