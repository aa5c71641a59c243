/**
 * The languages the web app has a catalog for (apps/web/src/i18n/messages/<tag>.json), and so the
 * values an account's stored language may take. `en-XA` is the pseudo-locale (long, accented
 * English) kept selectable for testing layouts.
 */
export const LOCALE_TAGS = [
  'en',
  'de',
  'fr',
  'es',
  'pt-BR',
  'it',
  'ja',
  'zh-Hans',
  'id',
  'ar',
  'en-XA',
] as const;
export type LocaleTag = (typeof LOCALE_TAGS)[number];

export const isLocaleTag = (value: unknown): value is LocaleTag =>
  typeof value === 'string' && (LOCALE_TAGS as readonly string[]).includes(value);
