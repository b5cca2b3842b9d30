import { type Kysely, sql } from 'kysely';

/**
 * 站内消息: a notice names the task it announces (`task_id`), so the bell can tell a 待办 that
 * was withdrawn, reassigned or done by someone else; and one notice reaches a person once — a
 * retried delivery, or the SMS/mail twin of an in-app notice (the reference deployment has no
 * gateway, so those land in the bell too), is the same notice: same person, case, text and time
 * it was queued.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE app_notifications ADD COLUMN task_id text;
    DELETE FROM app_notifications a USING app_notifications b
      WHERE a.user_id = b.user_id AND a.created_at = b.created_at
        AND coalesce(a.case_id, '') = coalesce(b.case_id, '')
        AND a.title = b.title AND a.body = b.body
        AND (a.channel <> 'inApp', a.id) > (b.channel <> 'inApp', b.id);
    CREATE UNIQUE INDEX app_notifications_once ON app_notifications
      (user_id, coalesce(case_id, ''), created_at, md5(title || chr(10) || body));
  `.execute(db);
}

/** Drops the column and the index. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX app_notifications_once;
    ALTER TABLE app_notifications DROP COLUMN task_id;
  `.execute(db);
}
