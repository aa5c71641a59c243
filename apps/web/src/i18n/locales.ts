/**
 * The languages the app speaks and how a browser's preferences map onto them. Pure (no DOM, no
 * React) so the catalog check and unit tests can use it.
 */

import { catalogFor, LOCALE_TAGS, type LocaleTag } from '@habit-tracker/vocabulary';

/** The catalog a single BCP 47 tag asks for (shared with the server's Accept-Language). */
export { catalogFor };

/**
 * Catalog locales: one JSON file each in ./messages. `en-XA` is the pseudo-locale (long, accented).
 * The same list the API accepts as an account's language (vocabulary), so they cannot drift.
 */
export const LOCALES = LOCALE_TAGS;
export type Locale = LocaleTag;

export const SOURCE_LOCALE: Locale = 'en';

/** Each language's own name for itself, for the language picker. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
  it: 'Italiano',
  ja: '日本語',
  'zh-Hans': '简体中文',
  id: 'Bahasa Indonesia',
  ar: 'العربية',
  'en-XA': '[Ƥšéûðö Ļöçåļé]',
};

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

export const isRtl = (locale: Locale) => locale === 'ar';

export interface Resolved {
  /** Which catalog to load. */
  locale: Locale;
  /**
   * The tag Intl formats with: the browser's own tag when it is a variant of the chosen language
   * (en-GB dates for a British English browser, Latin digits for ar-MA, Arabic-Indic for ar-EG),
   * else the catalog's.
   */
  formatLocale: string;
}

/** The first of the browser's languages the app speaks, else English. */
export function negotiate(languages: readonly string[]): Resolved {
  for (const tag of languages) {
    const locale = catalogFor(tag);
    if (locale) return { locale, formatLocale: formatLocaleFor(locale, languages) };
  }
  return { locale: SOURCE_LOCALE, formatLocale: formatLocaleFor(SOURCE_LOCALE, languages) };
}

/** The browser's most preferred tag of the chosen language, for Intl; else the catalog's tag. */
export function formatLocaleFor(locale: Locale, languages: readonly string[]): string {
  if (locale === 'en-XA') return 'en';
  for (const tag of languages) {
    if (catalogFor(tag) === locale) {
      try {
        return new Intl.Locale(tag).toString();
      } catch {
        // not reached: catalogFor already parsed it
      }
    }
  }
  return locale;
}
