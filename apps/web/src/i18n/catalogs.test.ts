/**
 * The catalog check (part of `npm test`): every catalog has exactly the English catalog's keys,
 * every key is used by the code and every key the code uses exists, and every message is valid
 * ICU MessageFormat with the English message's placeholders and tags and the plural forms its
 * language needs. en.json is the source: TypeScript also rejects a `t('…')` of an unknown key.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  isPluralElement,
  type MessageFormatElement,
  parse,
  TYPE,
} from '@formatjs/icu-messageformat-parser';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LOCALES, SOURCE_LOCALE } from './locales';
import { pseudoCatalog } from './pseudo';

const SRC = join(import.meta.dirname, '..');
const MESSAGES = join(import.meta.dirname, 'messages');

/** A catalog; a missing file reads as empty (and fails the checks below, key by key). */
const read = (file: string): Record<string, string> =>
  existsSync(join(MESSAGES, file)) ? JSON.parse(readFileSync(join(MESSAGES, file), 'utf8')) : {};
const english = read(`${SOURCE_LOCALE}.json`);
const englishKeys = Object.keys(english).sort();

/** The app's source files (not tests, not the catalogs, not the generated API types). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.(test|d)\.ts$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Every string literal in the code (TypeScript's own parser: quotes in strings, JSX), by file. */
function stringLiterals(): { value: string; file: string }[] {
  return sourceFiles(SRC).flatMap((file) => {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const found: { value: string; file: string }[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        found.push({ value: node.text, file: relative(SRC, file) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  });
}

/**
 * The placeholder names and tags a message uses, e.g. `{minutes}`, `<link>`. Not their kind: a
 * language without plurals (Japanese, Chinese) writes `{minutes, number}` for English's plural.
 */
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
  return elements.flatMap((element) => {
    if (isPluralElement(element)) {
      return [
        Object.keys(element.options),
        ...Object.values(element.options).flatMap((o) => plurals(o.value)),
      ];
    }
    if (element.type === TYPE.select) {
      return Object.values(element.options).flatMap((o) => plurals(o.value));
    }
    if (element.type === TYPE.tag) return plurals(element.children);
    return [];
  });
}

/** The plural categories a language uses for whole numbers up to 1,000 (so not French's "many"). */
function categoriesInUse(locale: string): Set<string> {
  const rules = new Intl.PluralRules(locale);
  return new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n)));
}

describe('message catalogs', () => {
  it('exist for every locale, and only those', () => {
    const files = readdirSync(MESSAGES).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(LOCALES.map((l) => `${l}.json`).sort());
  });

  it('use every key and define every key the code uses', () => {
    const literals = stringLiterals();
    const used = new Set(literals.map((l) => l.value));
    const unused = englishKeys.filter((key) => !used.has(key));
    expect(unused, 'keys in en.json that no code uses').toEqual([]);
    // A literal in a catalog namespace ("today.…") that is not a key is a missing message.
    const namespaces = new Set(englishKeys.map((key) => key.split('.')[0]));
    const missing = literals
      .filter(({ value }) => /^[a-z]+(\.[a-zA-Z]+)+$/.test(value))
      .filter(({ value }) => namespaces.has(value.split('.')[0]) && !(value in english))
      .map(({ value, file }) => `${file}: ${value}`);
    expect(missing, 'keys the code uses that en.json lacks').toEqual([]);
  });

  it('keep the pseudo-locale generated from English (npm run i18n:pseudo)', () => {
    expect(read('en-XA.json')).toEqual(pseudoCatalog(english));
  });

  describe.each(LOCALES.filter((l) => l !== SOURCE_LOCALE))('%s', (locale) => {
    const catalog = read(`${locale}.json`);

    it('has exactly the English keys', () => {
      const keys = Object.keys(catalog);
      expect(
        englishKeys.filter((k) => !(k in catalog)),
        'missing',
      ).toEqual([]);
      expect(
        keys.filter((k) => !(k in english)),
        'not in en.json',
      ).toEqual([]);
    });

    it.each(englishKeys.filter((k) => k in catalog))('%s', (key) => {
      const message = catalog[key]!;
      expect(message.trim(), 'empty').not.toBe('');
      const ast = parse(message, { requiresOtherClause: true });
      expect([...signature(ast)].sort(), 'placeholders and tags').toEqual(
        [...signature(parse(english[key]!))].sort(),
      );
      const needed = categoriesInUse(locale === 'en-XA' ? 'en' : locale);
      for (const options of plurals(ast)) {
        const categories = options.filter((o) => !o.startsWith('='));
        const known = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
        expect(
          categories.filter((c) => !known.includes(c)),
          `not a ${locale} plural form`,
        ).toEqual([]);
        expect(
          [...needed].filter((c) => !categories.includes(c)),
          'plural forms missing',
        ).toEqual([]);
      }
    });
  });

  it('English messages are valid ICU with plural forms for one and other', () => {
    for (const message of Object.values(english)) {
      for (const options of plurals(parse(message, { requiresOtherClause: true }))) {
        expect(options).toEqual(expect.arrayContaining(['one', 'other']));
      }
    }
  });
});
