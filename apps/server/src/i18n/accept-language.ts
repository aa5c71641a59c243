/**
 * The first language of an Accept-Language header the server writes in (RFC 9110 §12.5.4: the
 * tags by quality, highest first; `*` and q=0 skipped), else null. A signed-out request (asking
 * for a password reset) has nothing else to go on.
 */
import { catalogFor } from '@habit-tracker/vocabulary';
import { type ServerLocale, serverLocale } from './catalog';

/** Headers longer than this are cut: a browser's list is a few dozen bytes. */
const MAX_HEADER = 1_000;
const MAX_TAGS = 20;

export function localeFromAcceptLanguage(header: string | null | undefined): ServerLocale | null {
  if (!header) return null;
  const ranges = header
    .slice(0, MAX_HEADER)
    .split(',')
    .slice(0, MAX_TAGS)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)).find(Boolean);
      const quality = q ? Number(q[1]) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.tag !== '' && r.tag !== '*' && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranges) {
    const locale = catalogFor(tag);
    // The pseudo-locale is for testing the web's layouts; the server writes it in English.
    if (locale) return serverLocale(locale);
  }
  return null;
}
