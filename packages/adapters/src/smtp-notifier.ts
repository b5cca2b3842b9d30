import type { Notification, Notifier } from '@gongwen/core';
import nodemailer from 'nodemailer';

/** Options of `createSmtpNotifier`. */
export interface SmtpNotifierOptions {
  /** SMTP server host. */
  host: string;
  port: number;
  /** Implicit TLS (port 465). Default false. */
  secure?: boolean;
  /** Never upgrade with STARTTLS (e.g. a relay on the intranet). Default false. */
  ignoreTLS?: boolean;
  /** Require STARTTLS. Default false. */
  requireTLS?: boolean;
  auth?: { user: string; pass: string };
  /** Keep connections open and reuse them (default true: many reminders go out at once). */
  pool?: boolean;
  /** The sender, e.g. `"示例县人民政府办公室" <oa@example.gov.cn>`. */
  from: string;
  /** A recipient's mail address, or null when they have none (they are skipped). */
  addressOf: (userId: string, unitId: string) => Promise<string | null>;
  /** Put before every subject, e.g. 【公文系统】 (default none). */
  subjectPrefix?: string;
}

/** A `Notifier` that delivers by mail, with `close()` to end pooled connections. */
export interface SmtpNotifier extends Notifier {
  /** Closes the transport's connections. */
  close(): void;
}

/**
 * The `mail` channel of the `Notifier` port over SMTP (nodemailer): one message per
 * notification, every recipient with an address in `To`. Recipients without an address are
 * skipped; when nobody has one, nothing is sent. A refused send throws, so the outbox keeps the
 * row and retries it.
 */
export function createSmtpNotifier(options: SmtpNotifierOptions): SmtpNotifier {
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: options.secure ?? false,
    ignoreTLS: options.ignoreTLS ?? false,
    requireTLS: options.requireTLS ?? false,
    pool: options.pool ?? true,
    ...(options.auth && { auth: options.auth }),
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(message: Notification) {
      const addresses: string[] = [];
      for (const userId of new Set(message.to)) {
        const address = await options.addressOf(userId, message.unitId);
        if (address) addresses.push(address);
      }
      if (addresses.length === 0) return;
      await transport.sendMail({
        from: options.from,
        to: addresses,
        subject: `${options.subjectPrefix ?? ''}${message.title}`,
        text: message.body,
        ...(message.caseId && { headers: { 'X-Gongwen-Case': message.caseId } }),
      });
    },
    close() {
      transport.close();
    },
  };
}
