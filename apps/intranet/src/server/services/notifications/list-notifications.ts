import { type ExpressionBuilder, sql } from 'kysely';
import { type AppServices, db } from '~/server/app-types';
import type { AppDatabase } from '~/server/db/schema';

/** One message of the bell (站内消息). */
export interface NotificationLine {
  id: string;
  caseId: string | null;
  workflow: string | null;
  channel: string;
  title: string;
  body: string;
  /** When the step that caused it happened. */
  createdAt: Date;
  read: boolean;
  /**
   * Why a 待办/待阅 notice no longer asks anything of the user — its task closed without them
   * (撤回, 改派, done by someone else) — or null. Such a notice does not count as unread.
   */
  obsolete: string | null;
}

type Eb = ExpressionBuilder<AppDatabase & { n: AppDatabase['app_notifications'] }, 'n'>;

/**
 * The rule: a notice about a task is obsolete once the task is closed and neither done by the
 * user nor done on their behalf (by their deputy).
 */
function obsoleteReason(eb: Eb) {
  return sql<string | null>`(SELECT CASE
      WHEN t.done_event = '$reassign' THEN '已改派他人办理'
      WHEN t.done_by IS NOT NULL THEN '已由他人办理'
      ELSE '已撤回或流程已变更' END
    FROM tasks t
    WHERE t.id = ${eb.ref('n.task_id')} AND t.done_at IS NOT NULL
      AND ${eb.ref('n.user_id')} IS DISTINCT FROM t.done_by
      AND ${eb.ref('n.user_id')} IS DISTINCT FROM t.done_on_behalf_of)`;
}

/** The user's newest messages and how many of them are unread (obsolete ones are not). */
export async function listNotifications(
  app: AppServices,
  userId: string,
  limit: number,
): Promise<{ unread: number; items: NotificationLine[] }> {
  const kdb = db(app);
  const [items, unread] = await Promise.all([
    kdb
      .selectFrom('app_notifications as n')
      .leftJoin('cases as c', 'c.id', 'n.case_id')
      .select((eb) => [
        'n.id',
        'n.case_id',
        'c.workflow',
        'n.channel',
        'n.title',
        'n.body',
        'n.created_at',
        'n.read_at',
        obsoleteReason(eb as unknown as Eb).as('obsolete'),
      ])
      .where('n.user_id', '=', userId)
      .orderBy('n.created_at', 'desc')
      .orderBy('n.id')
      .limit(limit)
      .execute(),
    kdb
      .selectFrom('app_notifications as n')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('n.user_id', '=', userId)
      .where('n.read_at', 'is', null)
      .where((eb) => sql<boolean>`${obsoleteReason(eb as unknown as Eb)} IS NULL`)
      .executeTakeFirst(),
  ]);
  return {
    unread: unread?.n ?? 0,
    items: items.map((n) => ({
      id: n.id,
      caseId: n.case_id,
      workflow: n.workflow ?? null,
      channel: n.channel,
      title: n.title,
      body: n.body,
      createdAt: new Date(n.created_at),
      read: n.read_at !== null || n.obsolete !== null,
      obsolete: n.obsolete ?? null,
    })),
  };
}
