/**
 * Email out (docs/decisions/0023-email-and-password-reset.md): Nodemailer's SMTP transport,
 * configured by one URL (SMTP_URL). Without it there is no email: `available` is false and
 * features that need it answer 503 `email_unavailable` — except in development, where each
 * message is written to the log instead, so the flows can be tried without a mail server.
 *
 * Sends run in the background (`sendSoon`), never in a request's path: an answer must not take
 * longer, or fail differently, because a message was (or was not) sent.
 */
import type { Transporter } from 'nodemailer';
import type { Env } from '../env';
import type { Logger } from '../logger';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  /** Whether messages go anywhere (SMTP, or the log in development). */
  readonly available: boolean;
  /** How messages leave: `smtp`, `log` (development without SMTP_URL) or `none`. */
  readonly kind: 'smtp' | 'log' | 'none';
  /**
   * Runs `work` (which may send) after the current request, logging a failure rather than
   * throwing it: nobody is waiting for the answer.
   */
  sendSoon(label: string, work: () => Promise<void>): void;
  send(message: MailMessage): Promise<void>;
  /** Resolves once every background send started so far has finished (tests, shutdown). */
  idle(): Promise<void>;
  close(): void;
}

/** A mail server that never answers must not hold a background task (and its memory) forever. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

export const DEFAULT_MAIL_FROM = 'habit-tracker <no-reply@habit-tracker.invalid>';

export function createMailer(
  env: Pick<Env, 'SMTP_URL' | 'MAIL_FROM' | 'NODE_ENV'>,
  logger: Logger,
): Mailer {
  const from = env.MAIL_FROM ?? DEFAULT_MAIL_FROM;
  const url = env.SMTP_URL;
  const kind = url ? 'smtp' : env.NODE_ENV === 'development' ? 'log' : 'none';
  const pending = new Set<Promise<void>>();
  // Loaded on the first message, not at start (and kept out of the bundle, build.mjs): most
  // starts never send one.
  let transport: Promise<Transporter> | undefined;
  const smtp = (smtpUrl: string) => {
    transport ??= import('nodemailer').then(({ createTransport }) =>
      createTransport({ url: smtpUrl, ...TIMEOUTS }, { from }),
    );
    return transport;
  };

  async function send(message: MailMessage): Promise<void> {
    if (url) {
      await (await smtp(url)).sendMail(message);
      return;
    }
    if (kind === 'log') {
      logger.info(
        { mail: { to: message.to, subject: message.subject, text: message.text } },
        'email (SMTP_URL is unset: logged here, not sent)',
      );
      return;
    }
    throw new Error('Email is unavailable: SMTP_URL is not set');
  }

  return {
    available: kind !== 'none',
    kind,
    send,
    sendSoon(label, work) {
      const task = work()
        .catch((error: unknown) => logger.error({ err: error, task: label }, 'email task failed'))
        .finally(() => pending.delete(task));
      pending.add(task);
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    close() {
      void transport?.then((t) => t.close());
    },
  };
}
