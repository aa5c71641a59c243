/**
 * The password-reset email: plain text first (it is the message), and the same words as simple
 * HTML. No images, no tracking pixels, no rewritten links: the link is the only one.
 */
import type { MailMessage } from './mailer';

export const PASSWORD_RESET_SUBJECT = 'Reset your habit-tracker password';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

export function passwordResetMessage(input: {
  to: string;
  /** The full link, `<origin>/reset-password?token=…`. */
  link: string;
  lifetimeMinutes: number;
  expiresAt: Date;
}): MailMessage {
  const { to, link, lifetimeMinutes, expiresAt } = input;
  const until = `${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const lines = [
    'Someone (we hope you) asked to reset the password of your habit-tracker account.',
    '',
    'Choose a new password here:',
    link,
    '',
    `The link works once, for ${lifetimeMinutes} minutes (until ${until}).`,
    'Setting a new password signs you out on every device.',
    '',
    'If you did not ask for this, ignore this email: your password stays as it is.',
  ];
  const html = [
    '<!doctype html>',
    '<html><body style="font-family: sans-serif; line-height: 1.5">',
    `<p>${escapeHtml(lines[0]!)}</p>`,
    `<p><a href="${escapeHtml(link)}">Choose a new password</a></p>`,
    `<p>${escapeHtml(lines[5]!)}<br>${escapeHtml(lines[6]!)}</p>`,
    `<p>${escapeHtml(lines[8]!)}</p>`,
    '</body></html>',
  ].join('\n');
  return { to, subject: PASSWORD_RESET_SUBJECT, text: `${lines.join('\n')}\n`, html };
}
