/**
 * The server's own texts (password-reset email, reminder pushes) in the app's languages, as ICU
 * MessageFormat through FormatJS's intl-messageformat — the same syntax and plural rules as the
 * web's react-intl catalogs (decision 0025), without React. Small enough to load whole.
 */
import type { LocaleTag } from '@habit-tracker/vocabulary';
import { IntlMessageFormat } from 'intl-messageformat';
import { ar } from './messages/ar';
import { de } from './messages/de';
import { en, type ServerCatalog, type ServerMessageId } from './messages/en';
import { es } from './messages/es';
import { fr } from './messages/fr';
import { id } from './messages/id';
import { italian } from './messages/it';
import { ja } from './messages/ja';
import { ptBR } from './messages/pt-BR';
import { zhHans } from './messages/zh-Hans';

export type { ServerMessageId };

/** The languages the server writes in: the web's catalogs without the pseudo-locale. */
export type ServerLocale = Exclude<LocaleTag, 'en-XA'>;

export const SERVER_CATALOGS: Record<ServerLocale, ServerCatalog> = {
  en,
  de,
  fr,
  es,
  'pt-BR': ptBR,
  it: italian,
  ja,
  'zh-Hans': zhHans,
  id,
  ar,
};

/** The server's language for a stored or negotiated tag: the pseudo-locale (and null) → English. */
export function serverLocale(tag: string | null | undefined): ServerLocale {
  return tag && Object.hasOwn(SERVER_CATALOGS, tag) ? (tag as ServerLocale) : 'en';
}

export const isRtl = (locale: ServerLocale) => locale === 'ar';

type Values = Record<string, string | number>;
export type Translate = (id: ServerMessageId, values?: Values) => string;

const formats = new Map<string, IntlMessageFormat>();

/** `t(id, values)` in `locale`; messages are parsed once and kept. */
export function translator(locale: ServerLocale): Translate {
  const catalog = SERVER_CATALOGS[locale];
  return (id, values) => {
    const key = `${locale}\u0000${id}`;
    let format = formats.get(key);
    if (!format) {
      format = new IntlMessageFormat(catalog[id], locale);
      formats.set(key, format);
    }
    return String(format.format(values));
  };
}
