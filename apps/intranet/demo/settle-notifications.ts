import { sql } from 'kysely';
import { type AppServices, db } from '~/server/app-types';
import { inAppNotifier } from '~/server/services/notifications/in-app-notifier';

/**
 * The demo's history plays out over past weeks, and every step of it queued a notice. At first
 * start they are delivered at once; a bell with thousands of unread notices says nothing, so
 * only those that still ask something stay unread: a 待办/待阅 notice whose task is still open
 * (also the deputy's, 代理), and another notice about a case still in the recipient's 待办.
 * Returns how many stay.
 */
export async function settleDemoNotifications(app: AppServices): Promise<number> {
  const notifier = inAppNotifier(app);
  while ((await app.engine.deliverNotifications(notifier, { limit: 500 })) > 0) {
    // until the outbox is empty
  }
  const now = app.clock.now();
  await sql`UPDATE app_notifications n SET read_at = ${now}
    WHERE n.read_at IS NULL AND NOT (CASE WHEN n.task_id IS NOT NULL
      THEN EXISTS (SELECT 1 FROM tasks t WHERE t.id = n.task_id AND t.done_at IS NULL)
      ELSE EXISTS (SELECT 1 FROM task_candidates tc
        WHERE tc.case_id = n.case_id AND tc.principal_id = n.user_id) END)`.execute(db(app));
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM app_notifications
    WHERE read_at IS NULL`.execute(db(app));
  return rows[0]?.n ?? 0;
}
