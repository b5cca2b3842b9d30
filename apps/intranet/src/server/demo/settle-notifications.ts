import { sql } from 'kysely';
import { type AppServices, db, inAppNotifier } from '~/server/app';

/**
 * The demo's history plays out over past weeks, and every step of it queued a notice. At first
 * start they are delivered at once; a bell with thousands of unread notices says nothing, so
 * only those about a case still in the recipient's 待办 stay unread. Returns how many stay.
 */
export async function settleDemoNotifications(app: AppServices): Promise<number> {
  const notifier = inAppNotifier(app);
  while ((await app.engine.deliverNotifications(notifier, { limit: 500 })) > 0) {
    // until the outbox is empty
  }
  const now = app.clock.now();
  await sql`UPDATE app_notifications n SET read_at = ${now}
    WHERE n.read_at IS NULL AND NOT EXISTS (
      SELECT 1 FROM task_candidates tc WHERE tc.case_id = n.case_id AND tc.principal_id = n.user_id
    )`.execute(db(app));
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM app_notifications
    WHERE read_at IS NULL`.execute(db(app));
  return rows[0]?.n ?? 0;
}
