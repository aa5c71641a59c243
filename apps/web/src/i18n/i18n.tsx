/**
 * The active language: which catalog is loaded, the react-intl object built on it, and the API
 * screens use (`useT`, `<T>`) plus `t` for code outside React (toasts, formatting helpers).
 * Only the active catalog is downloaded: each ./messages/*.json is its own chunk.
 */
import { createElement, Fragment, type ReactNode } from 'react';
import { createIntl, createIntlCache, type IntlShape, RawIntlProvider } from 'react-intl';
import { createStore, useStore } from '../shared/lib/store';
import { formatLocaleFor, isLocale, isRtl, type Locale, negotiate, SOURCE_LOCALE } from './locales';
import type { MessageId } from './message-id';

export type { MessageId };

type Catalog = Record<MessageId, string>;
/** Values for a message's placeholders; functions render rich-text tags such as `<link>…</link>`. */
export type Values = Record<
  string,
  string | number | Date | ReactNode | ((chunks: ReactNode[]) => ReactNode)
>;

// Vite turns each file into a chunk of its own, fetched only when that language is chosen.
const catalogs = import.meta.glob<Catalog>('./messages/*.json', { import: 'default' });

/**
 * The account's language, cached on this device so the first paint (before any request answers)
 * is already in it. The account (settings.locale) is the truth: see adoptAccountLocale.
 */
const STORAGE_KEY = 'habit-tracker.locale';

const cache = createIntlCache();

interface I18nState {
  locale: Locale;
  intl: IntlShape;
}

// Until a catalog arrives: no messages, so nothing should render with it (main.tsx waits).
const i18nStore = createStore<I18nState>({
  locale: SOURCE_LOCALE,
  intl: createIntl({ locale: SOURCE_LOCALE, messages: {} }, cache),
});

/** The language the user picked on this device, if any. */
export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

/** The language to start in: the stored choice, else the browser's best match. */
export function initialLocale(): { locale: Locale; formatLocale: string } {
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  const chosen = storedLocale();
  return chosen
    ? { locale: chosen, formatLocale: formatLocaleFor(chosen, languages) }
    : negotiate(languages);
}

/** Loads a catalog and makes it the active language (also <html lang> and dir). */
export async function activate(locale: Locale, formatLocale: string = locale): Promise<void> {
  const load = catalogs[`./messages/${locale}.json`];
  if (!load) throw new Error(`no catalog for ${locale}`);
  const messages = await load();
  const intl = createIntl(
    {
      // Plurals and Intl formats follow the browser's variant of the language (en-GB, ar-MA…).
      locale: formatLocale,
      defaultLocale: SOURCE_LOCALE,
      messages,
      onError: (error) => {
        // A missing key is caught by the catalog check (catalogs.test.ts); anything else is a bug.
        if (import.meta.env.DEV) console.error(error);
      },
    },
    cache,
  );
  // (No document in unit tests, which activate a language for the formatting helpers.)
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale === 'en-XA' ? 'en' : locale;
    document.documentElement.dir = isRtl(locale) ? 'rtl' : 'ltr';
  }
  i18nStore.set({ locale, intl });
}

/** Switches language and remembers it on this device; `null` follows the browser again. */
export async function chooseLocale(locale: Locale | null): Promise<void> {
  try {
    if (locale) localStorage.setItem(STORAGE_KEY, locale);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // private mode: the choice lasts for this visit
  }
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  const next = locale
    ? { locale, formatLocale: formatLocaleFor(locale, languages) }
    : negotiate(languages);
  await activate(next.locale, next.formatLocale);
}

/**
 * Follows the language stored with the account (Today's or sign-in's settings.locale) when it
 * differs from this device's cached choice: the account wins, so a choice made on another device
 * arrives here, and `null` (follow the browser) clears a stale local one. Nothing happens (no
 * remount) when they already agree.
 */
export async function adoptAccountLocale(accountLocale: string | null): Promise<void> {
  const account = isLocale(accountLocale) ? accountLocale : null;
  if (account === storedLocale() && (account ?? initialLocale().locale) === currentLocale()) return;
  await chooseLocale(account);
}

export const currentLocale = (): Locale => i18nStore.get().locale;
/** The tag Intl formats with (e.g. en-GB); see locales.ts. */
export const formatLocale = (): string => i18nStore.get().intl.locale;

/** A message in the active language, for code outside React (toasts, format helpers). */
export function t(id: MessageId, values?: Record<string, string | number | Date>): string {
  return i18nStore.get().intl.formatMessage({ id }, values) as string;
}

/** The `t` of the active language; components re-render when it changes. */
export function useT(): (id: MessageId, values?: Record<string, string | number | Date>) => string {
  const { intl } = useStore(i18nStore);
  return (id, values) => intl.formatMessage({ id }, values) as string;
}

export function useLocale(): Locale {
  return useStore(i18nStore).locale;
}

/** A message with markup: `values` maps tags (`<link>…</link>`) to functions that render them. */
export function T({ id, values }: { id: MessageId; values?: Values }) {
  const { intl } = useStore(i18nStore);
  // biome-ignore lint/suspicious/noExplicitAny: react-intl's typed-values overloads don't fit a union
  const out: ReactNode = intl.formatMessage({ id }, values as any);
  // Spread as children (as react-intl's FormattedMessage does) so the parts need no keys.
  return createElement(Fragment, null, ...(Array.isArray(out) ? out : [out]));
}

/**
 * Provides react-intl's context; the tree below is remounted on a language change so module-level
 * formatters (shared/lib/format.ts) and memoised screens all pick the new language up.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const { locale, intl } = useStore(i18nStore);
  return (
    <RawIntlProvider value={intl}>
      <Fragment key={locale}>{children}</Fragment>
    </RawIntlProvider>
  );
}
