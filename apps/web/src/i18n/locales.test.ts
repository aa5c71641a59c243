import { describe, expect, it } from 'vitest';
import { catalogFor, formatLocaleFor, negotiate } from './locales';

describe('catalogFor', () => {
  it.each([
    ['en-US', 'en'],
    ['de-AT', 'de'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt-BR', 'pt-BR'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['ar-MA', 'ar'],
    ['id-ID', 'id'],
    ['en-XA', 'en-XA'],
  ])('%s → %s', (tag, locale) => {
    expect(catalogFor(tag)).toBe(locale);
  });

  it.each(['zh-TW', 'zh-Hant', 'nl', 'not a tag', ''])('%s → none', (tag) => {
    expect(catalogFor(tag)).toBeNull();
  });
});

describe('negotiate', () => {
  it('takes the first language the app speaks, in the browser’s order', () => {
    expect(negotiate(['nl-NL', 'fr-BE', 'en'])).toEqual({ locale: 'fr', formatLocale: 'fr-BE' });
  });

  it('falls back to English', () => {
    expect(negotiate(['nl', 'sv'])).toEqual({ locale: 'en', formatLocale: 'en' });
    expect(negotiate([])).toEqual({ locale: 'en', formatLocale: 'en' });
  });

  it('formats with the browser’s variant of the language: Arabic digits follow the region', () => {
    expect(negotiate(['ar-MA'])).toEqual({ locale: 'ar', formatLocale: 'ar-MA' });
    expect(formatLocaleFor('ar', ['en-US', 'ar-EG'])).toBe('ar-EG');
    expect(formatLocaleFor('de', ['en-GB'])).toBe('de');
  });
});
