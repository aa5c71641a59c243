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

/**
 * The catalog a single BCP 47 tag asks for, if any: pt → pt-BR, zh / zh-CN / zh-SG → zh-Hans.
 * Shared by the web (the browser's languages) and the server (an Accept-Language header).
 */
export function catalogFor(tag: string): LocaleTag | null {
  let parsed: Intl.Locale;
  try {
    parsed = new Intl.Locale(tag);
  } catch {
    return null;
  }
  if (isLocaleTag(parsed.baseName)) return parsed.baseName;
  const { language } = parsed;
  // Only Simplified Chinese is translated: Traditional-script readers (zh-TW, zh-HK, zh-Hant)
  // read it less comfortably than they might English, so they are not matched here.
  if (language === 'zh') {
    const script = parsed.maximize().script;
    return script === 'Hans' ? 'zh-Hans' : null;
  }
  if (language === 'pt') return 'pt-BR';
  return isLocaleTag(language) ? language : null;
}
