/**
 * The server's own catalog (src/i18n: password-reset email, reminder pushes), checked like the
 * web's (apps/web/src/i18n/catalogs.test.ts): every language has English's keys, every message is
 * valid ICU with English's placeholders and the plural forms its language uses; plus the
 * Accept-Language negotiation and the email's text in a few languages.
 */
import {
  isPluralElement,
  type MessageFormatElement,
  parse,
  TYPE,
} from '@formatjs/icu-messageformat-parser';
import { LOCALE_TAGS } from '@habit-tracker/vocabulary';
import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from '../src/i18n/accept-language';
import { SERVER_CATALOGS, type ServerLocale, serverLocale } from '../src/i18n/catalog';
import { passwordResetMessage } from '../src/mail/password-reset-message';

const english = SERVER_CATALOGS.en as Record<string, string>;
const englishKeys = Object.keys(english).sort();

function signature(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      signature(element.children, into);
      continue;
    }
    into.add(`{${element.value}}`);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) signature(option.value, into);
    }
  }
  return into;
}

function plurals(elements: MessageFormatElement[]): string[][] {
  return elements.flatMap((element) =>
    isPluralElement(element)
      ? [
          Object.keys(element.options),
          ...Object.values(element.options).flatMap((o) => plurals(o.value)),
        ]
      : element.type === TYPE.select
        ? Object.values(element.options).flatMap((o) => plurals(o.value))
        : [],
  );
}

/** The plural categories a language uses for whole numbers up to 1,000. */
function categoriesInUse(locale: string): Set<string> {
  const rules = new Intl.PluralRules(locale);
  return new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n)));
}

describe('server catalog', () => {
  it('has a catalog for every language of the app but the pseudo-locale', () => {
    expect(Object.keys(SERVER_CATALOGS).sort()).toEqual(
      LOCALE_TAGS.filter((l) => l !== 'en-XA').sort(),
    );
  });

  it('English messages are valid ICU with plural forms for one and other', () => {
    for (const message of Object.values(english)) {
      for (const options of plurals(parse(message, { requiresOtherClause: true }))) {
        expect(options).toEqual(expect.arrayContaining(['one', 'other']));
      }
    }
  });

  describe.each(Object.keys(SERVER_CATALOGS).filter((l) => l !== 'en'))('%s', (locale) => {
    const catalog = SERVER_CATALOGS[locale as ServerLocale] as Record<string, string>;

    it('has exactly the English keys', () => {
      expect(Object.keys(catalog).sort()).toEqual(englishKeys);
    });

    it.each(englishKeys)('%s', (key) => {
      const message = catalog[key]!;
      expect(message.trim(), 'empty').not.toBe('');
      const ast = parse(message, { requiresOtherClause: true });
      expect([...signature(ast)].sort(), 'placeholders').toEqual(
        [...signature(parse(english[key]!))].sort(),
      );
      const needed = categoriesInUse(locale);
      const known = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
      for (const options of plurals(ast)) {
        const categories = options.filter((o) => !o.startsWith('='));
        expect(
          categories.filter((c) => !known.includes(c)),
          'not a plural form',
        ).toEqual([]);
        expect(
          [...needed].filter((c) => !categories.includes(c)),
          'forms missing',
        ).toEqual([]);
      }
    });
  });
});

describe('serverLocale', () => {
  it('keeps a catalog language and writes English for the pseudo-locale, null or junk', () => {
    expect(serverLocale('de')).toBe('de');
    expect(serverLocale('zh-Hans')).toBe('zh-Hans');
    expect(serverLocale('en-XA')).toBe('en');
    expect(serverLocale(null)).toBe('en');
    expect(serverLocale('toString')).toBe('en');
  });
});

describe('localeFromAcceptLanguage', () => {
  it.each([
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['nl-NL, fr-BE;q=0.8, en;q=0.5', 'fr'],
    ['en;q=0.3, ja;q=0.9', 'ja'],
    ['pt-PT', 'pt-BR'],
    ['zh-CN,zh;q=0.9', 'zh-Hans'],
    ['zh-TW, ar-EG;q=0.5', 'ar'],
    ['*, it;q=0.1', 'it'],
    ['en-XA', 'en'],
  ])('%s → %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });

  it.each([undefined, '', '*', 'nl, sv;q=0.5', 'de;q=0', 'zh-Hant', ';;,,'])(
    '%s → none',
    (header) => {
      expect(localeFromAcceptLanguage(header)).toBeNull();
    },
  );
});

describe('password-reset message', () => {
  const input = {
    to: 'someone@example.com',
    link: 'https://habits.example.com/reset-password?token=abc',
    lifetimeMinutes: 30,
    expiresAt: new Date('2026-03-15T12:30:00Z'),
  };

  it('is unchanged in English', () => {
    const mail = passwordResetMessage(input);
    expect(mail.subject).toBe('Reset your habit-tracker password');
    expect(mail.text).toContain(
      'The link works once, for 30 minutes (until 2026-03-15 12:30 UTC).\n',
    );
    expect(mail.html).toContain('<html lang="en" dir="ltr">');
    expect(mail.html).toContain('>Choose a new password</a>');
  });

  it('counts minutes with the language’s plural forms', () => {
    expect(passwordResetMessage({ ...input, lifetimeMinutes: 1 }).text).toContain('for 1 minute ');
    expect(passwordResetMessage({ ...input, locale: 'de', lifetimeMinutes: 1 }).text).toContain(
      '1 Minute lang',
    );
    const arabic = (minutes: number) =>
      passwordResetMessage({ ...input, locale: 'ar', lifetimeMinutes: minutes }).text;
    expect(arabic(2)).toContain('لمدة دقيقتين');
    expect(arabic(1)).toContain('لمدة دقيقة واحدة');
  });

  it('writes dates with Intl in the reader’s language', () => {
    const german = passwordResetMessage({ ...input, locale: 'de' });
    expect(german.text).toContain('bis 15. März 2026');
    const japanese = passwordResetMessage({ ...input, locale: 'ja' });
    expect(japanese.text).toContain('2026年3月15日');
  });

  it('marks Arabic HTML right-to-left, and escapes every text', () => {
    const mail = passwordResetMessage({ ...input, locale: 'ar' });
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.subject).toBe('إعادة تعيين كلمة مرور habit-tracker');
    expect(passwordResetMessage({ ...input, locale: 'fr' }).html).toContain(
      'Quelqu’un (vous, nous l’espérons)',
    );
  });
});
