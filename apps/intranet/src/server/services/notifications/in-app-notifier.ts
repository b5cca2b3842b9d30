import { randomUUID } from 'node:crypto';
import type { Notifier } from '@gongwen/core';
import { type AppServices, db } from '~/server/app-types';

/**
 * Delivers the engine's outbox into `app_notifications` (the bell in the header). SMS and mail
 * have no gateway in the reference deployment, so they land in the same in-app inbox, marked
 * with their channel, rather than disappearing — but each notice reaches a person once: the
 * SMS twin of an in-app notice, or a delivery the outbox retries, is skipped (the table's
 * `app_notifications_once` index: same person, case, text and time queued).
 */
export function inAppNotifier(app: Pick<AppServices, 'store' | 'clock'>): Notifier {
  return {
    async send(m) {
      const recipients = [...new Set(m.to)];
      if (recipients.length === 0) return;
      const at = m.createdAt ?? app.clock.now();
      await db(app)
        .insertInto('app_notifications')
        .values(
          recipients.map((userId) => ({
            id: randomUUID(),
            unit_id: m.unitId,
            user_id: userId,
            case_id: m.caseId ?? null,
            task_id: m.taskId ?? null,
            channel: m.channel,
            title: m.title,
            body: m.body,
            created_at: at,
            read_at: null,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
  };
}
