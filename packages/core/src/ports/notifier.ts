/** Delivery channel of a notification. */
export type NotificationChannel = 'inApp' | 'sms' | 'mail';

/** One message to one or more users. */
export interface Notification {
  unitId: string;
  channel: NotificationChannel;
  /** User ids of the recipients. */
  to: string[];
  title: string;
  body: string;
  caseId?: string;
}

/** Port for in-app messages, SMS gateways and mail. */
export interface Notifier {
  /** Delivers one notification; throws when the channel refused it (the outbox retries). */
  send(message: Notification): Promise<void>;
}
