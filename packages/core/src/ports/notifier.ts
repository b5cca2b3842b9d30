/** Delivery channel of a notification. */
export type NotificationChannel = 'inApp' | 'sms' | 'mail';

/** One message to one or more users. */
export interface Notification {
  /**
   * The outbox row's id: the same when a delivery is retried (delivery is at least once), so
   * a notifier that keeps messages can drop the duplicate.
   */
  id?: string;
  unitId: string;
  channel: NotificationChannel;
  /** User ids of the recipients. */
  to: string[];
  title: string;
  body: string;
  caseId?: string;
  /** The task a 待办/待阅 notice announces; the task's row tells whether it is still open. */
  taskId?: string;
  /** When the notice was queued (the transition's time), not when it is delivered. */
  createdAt?: Date;
}

/** Port for in-app messages, SMS gateways and mail. */
export interface Notifier {
  /** Delivers one notification; throws when the channel refused it (the outbox retries). */
  send(message: Notification): Promise<void>;
}
