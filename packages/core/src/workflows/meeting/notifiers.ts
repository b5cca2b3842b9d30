import type { Notification, NotificationChannel, Notifier } from '../../ports/notifier.ts';

/**
 * An SMS gateway (短信网关) as an integrator provides it: one text to one phone number.
 * Throw when the gateway refuses, so the outbox retries.
 */
export interface SmsGateway {
  /** Sends one text message to one mobile number; throws when the gateway refuses. */
  sendSms(phone: string, text: string): Promise<void>;
}

/**
 * A `Notifier` for the `sms` channel over an `SmsGateway`: looks up each recipient's mobile
 * number (`phoneOf`; users without one are skipped) and sends `【title】body`, cut to
 * `maxLength` characters (default 300, a long SMS).
 */
export function createSmsNotifier(options: {
  gateway: SmsGateway;
  phoneOf: (userId: string, unitId: string) => Promise<string | null>;
  maxLength?: number;
}): Notifier {
  const max = options.maxLength ?? 300;
  return {
    async send(message) {
      const text = `【${message.title}】${message.body}`;
      const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text;
      for (const userId of new Set(message.to)) {
        const phone = await options.phoneOf(userId, message.unitId);
        if (phone) await options.gateway.sendSms(phone, cut);
      }
    },
  };
}

/**
 * One `Notifier` that hands each notification to the notifier of its channel (in-app, SMS,
 * mail). A channel without a notifier throws, so its rows stay in the outbox until one is
 * configured — or pass `drop` to discard them on purpose.
 */
export function routeNotifications(
  channels: Partial<Record<NotificationChannel, Notifier>>,
  options: { drop?: readonly NotificationChannel[] } = {},
): Notifier {
  return {
    async send(message: Notification) {
      const target = channels[message.channel];
      if (target) return target.send(message);
      if (options.drop?.includes(message.channel)) return;
      throw new Error(`no notifier for channel ${message.channel}`);
    },
  };
}
