/**
 * The web app's catalogs as the i18n suites read them: what a screen must say in a language is
 * taken from that language's catalog, so a string left in English (or a wrong key) fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { PHONE } from './browser';

const MESSAGES = join(import.meta.dirname, '..', '..', 'apps', 'web', 'src', 'i18n', 'messages');

export type Catalog = Record<string, string>;

export const catalog = (locale: string): Catalog =>
  JSON.parse(readFileSync(join(MESSAGES, `${locale}.json`), 'utf8'));

/** German, Arabic (right to left) and the pseudo-locale (long, accented; `lang` stays en). */
export const LOCALES = [
  { locale: 'de', lang: 'de', dir: 'ltr' },
  { locale: 'ar', lang: 'ar', dir: 'rtl' },
  { locale: 'en-XA', lang: 'en', dir: 'ltr' },
] as const;

/** Where the app keeps this device's language choice (the first paint's language). */
export const LOCALE_KEY = 'habit-tracker.locale';

/**
 * A catalog message with plain `{name}` arguments filled in. Only for messages without plural or
 * select arguments: those are checked through their fixed parts instead.
 */
export function message(m: Catalog, id: string, values: Record<string, string> = {}): string {
  const text = m[id];
  if (text === undefined) throw new Error(`no message ${id}`);
  const filled = text.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);
  if (/\{\w+[,}]/.test(filled)) throw new Error(`${id} has arguments left: ${filled}`);
  return filled;
}

/** `<html lang dir>` as the language asks. */
export async function expectLangDir(page: Page, lang: string, dir: string): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
  await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe(dir);
}

/** Nothing wider than a 360 px phone (the page never scrolls sideways). */
export async function expectPhoneWidth(page: Page, what: string): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth), {
      message: `${what} is wider than ${PHONE.width} px`,
    })
    .toBeLessThanOrEqual(PHONE.width);
}
