/**
 * Other apps' JSON exports (Beaver Habits, Table Habit, Habitica), parsed within limits counted
 * before JSON.parse builds anything: the text's size, how deeply it nests and how many values it
 * holds. JSON.parse turns 16 MB of `[{},{},…]` into millions of objects — far more heap than the
 * text — so the count, not the size, bounds the memory (docs/decisions/0011, 0015).
 */
import { importFailure } from '../import-error';
import { checkTextSize, type ResolvedOptions } from '../options';

/** No habit app's export nests deeper than a dozen levels; a hostile one can nest millions. */
export const MAX_JSON_DEPTH = 64;

/**
 * Values (objects, arrays and the items and members in them) one import may parse: eight per
 * check-in allowed (a Table Habit record has six fields, a Habitica history entry four or five),
 * which bounds the parsed document to a few tens of MB of heap.
 */
export function maxJsonValues(options: Pick<ResolvedOptions, 'maxEntries'>): number {
  return options.maxEntries * 8;
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;

/**
 * One pass over the text, skipping strings: the deepest nesting and the number of values (every
 * container, plus one per comma — an upper bound on items and members).
 */
function measure(text: string): { depth: number; values: number } {
  let depth = 0;
  let deepest = 0;
  let values = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      values++;
      if (depth > deepest) deepest = depth;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
    else if (c === COMMA) values++;
  }
  return { depth: deepest, values };
}

/**
 * The parsed JSON of `text`, or an ImportError naming `file` when it is too large, nests too
 * deeply, holds too many values or is not JSON at all. `what` completes "… is not valid JSON"
 * messages ("a Beaver Habits export").
 */
export function readJson(
  file: string,
  text: string,
  options: Pick<ResolvedOptions, 'maxTextBytes' | 'maxEntries'>,
): unknown {
  // The text is already decoded: two bytes per character is what it weighs as a JS string.
  checkTextSize(file, text.length, options.maxTextBytes);
  const { depth, values } = measure(text);
  if (depth > MAX_JSON_DEPTH) {
    throw importFailure(
      file,
      `The JSON nests ${depth} levels deep; no habit app's export nests more than ${MAX_JSON_DEPTH}, so it is not read`,
    );
  }
  const maxValues = maxJsonValues(options);
  if (values > maxValues) {
    throw importFailure(
      file,
      `The JSON holds about ${values} values, more than the ${maxValues} an import reads (${options.maxEntries} check-ins)`,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw importFailure(file, 'The file starts like JSON but is not valid JSON (is it complete?)');
  }
}
