/**
 * The password-reset email: plain text first (it is the message), and the same words as simple
 * HTML. No images, no tracking pixels, no rewritten links: the link is the only one. Written in
 * the reader's language (../i18n): the account's, else the asking browser's, else English.
 */
import { isRtl, type ServerLocale, translator } from '../i18n/catalog';
import type { MailMessage } from './mailer';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

/**
 * When the link stops working, in UTC (the server does not know where a signed-out reader is).
 * English keeps its unambiguous `2026-03-15 12:30 UTC`; other languages get their own date words
 * and order through Intl.
 */
function formatUntil(locale: ServerLocale, at: Date): string {
  if (locale === 'en') return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(at);
}

export function passwordResetMessage(input: {
  to: string;
  /** The full link, `<origin>/reset-password?token=…`. */
  link: string;
  lifetimeMinutes: number;
  expiresAt: Date;
  /** The reader's language; English when not given. */
  locale?: ServerLocale;
}): MailMessage {
  const { to, link, lifetimeMinutes, expiresAt, locale = 'en' } = input;
  const t = translator(locale);
  const lifetime = t('reset.lifetime', {
    minutes: lifetimeMinutes,
    until: formatUntil(locale, expiresAt),
  });
  const lines = [
    t('reset.intro'),
    '',
    t('reset.chooseHere'),
    link,
    '',
    lifetime,
    t('reset.signsOut'),
    '',
    t('reset.ignore'),
  ];
  const html = [
    '<!doctype html>',
    `<html lang="${locale}" dir="${isRtl(locale) ? 'rtl' : 'ltr'}"><body style="font-family: sans-serif; line-height: 1.5">`,
    `<p>${escapeHtml(lines[0]!)}</p>`,
    `<p><a href="${escapeHtml(link)}">${escapeHtml(t('reset.chooseLink'))}</a></p>`,
    `<p>${escapeHtml(lines[5]!)}<br>${escapeHtml(lines[6]!)}</p>`,
    `<p>${escapeHtml(lines[8]!)}</p>`,
    '</body></html>',
  ].join('\n');
  return { to, subject: t('reset.subject'), text: `${lines.join('\n')}\n`, html };
}
