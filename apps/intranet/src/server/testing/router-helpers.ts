import { sql } from 'kysely';
import { type SessionUser, toSessionUser } from '~/server/api/context';
import { type AppServices, db } from '~/server/app-types';
import type { TestApp } from './test-app';

// What the router tests of the four workflows share: the signed-in user of an id, how many
// cases of a workflow stand, the 收文 registration and attachment they upload, and the
// delegation (代理) of the sample organisation.

/** The session user of a directory user (throws for an unknown id). */
export async function sessionUserOf(app: AppServices, id: string): Promise<SessionUser> {
  const u = await app.directory.getUser(id);
  if (!u) throw new Error(`unknown user ${id}`);
  return toSessionUser(u);
}

/** How many cases of `workflow` the store holds. */
export async function caseCount(app: AppServices, workflow: string): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases
    WHERE workflow = ${workflow}`.execute(db(app));
  return r.rows[0]?.n ?? 0;
}

/** A small PDF as an uploaded attachment. */
export const TEST_PDF = new TextEncoder().encode('%PDF-1.4\n% test attachment\n%%EOF\n');

/** A 收文 registration of the sample unit (预算编制通知), with `overrides`. */
export function incomingRegistration(overrides: Record<string, unknown> = {}) {
  return {
    title: '关于做好2027年度预算编制工作的通知',
    senderUnit: '市财政局',
    senderDocNumber: '市财预〔2026〕88号',
    receivedDate: '2026-11-25',
    docType: '通知',
    keywords: ['预算'],
    secrecy: '非密' as const,
    urgency: '加急' as const,
    headType: '红头' as const,
    direction: '上级来文' as const,
    copies: 2,
    pages: 6,
    attachments: [] as Array<{ blobId: string; name: string }>,
    ...overrides,
  };
}

/** 陈副县长 acts for 张县长 in 收文 in the test week (代理). */
export async function delegateZhangToChen(app: TestApp): Promise<void> {
  await app.store.directory.putDelegation({
    id: 'dlg-zhang-chen',
    unitId: 'demo',
    principalId: 'zhang',
    deputyId: 'chen',
    startsAt: new Date('2026-11-23T00:00:00Z'),
    endsAt: new Date('2026-11-30T00:00:00Z'),
    workflows: ['incoming'],
  });
}
