/**
 * The pseudo-locale (en-XA): English, accented and about a third longer, with the words
 * themselves longer (as German's are), so text that overflows or is not translated stands out.
 * Generated from en.json by `npm run i18n:pseudo -w @habit-tracker/web`; the catalog check fails
 * when en-XA.json is out of date. Placeholders, plural/select keywords and tags are kept.
 */
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!,
  ]),
);

/** Accents every letter and doubles every vowel: "Today" → "Ţööðåååýý"-like, longer words. */
export function pseudoText(text: string): string {
  return [...text]
    .map((c) => {
      const accented = ACCENTED[c] ?? c;
      return /[aeiouyAEIOUY]/.test(c) ? accented + accented : accented;
    })
    .join('');
}

function transform(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    switch (element.type) {
      case TYPE.literal:
        return { ...element, value: pseudoText(element.value) };
      case TYPE.tag:
        return { ...element, children: transform(element.children) };
      case TYPE.plural:
      case TYPE.select:
        return {
          ...element,
          options: Object.fromEntries(
            Object.entries(element.options).map(([key, option]) => [
              key,
              { ...option, value: transform(option.value) },
            ]),
          ),
        } as MessageFormatElement;
      default:
        return element;
    }
  });
}

export function pseudoMessage(message: string): string {
  return `[${printAST(transform(parse(message)))}]`;
}

export function pseudoCatalog(english: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(english).map(([key, message]) => [key, pseudoMessage(message)]),
  );
}
