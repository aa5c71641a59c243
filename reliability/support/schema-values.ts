/**
 * Values generated from the OpenAPI document's JSON Schemas, from a seeded source: valid ones
 * (what the schema allows; hints supply what a schema cannot say, like a real time zone or one
 * of the user's habit ids), minimal ones (required fields only) and mutated ones — a valid value
 * with exactly one thing made wrong: a wrong type, a boundary crossed, a field missing or
 * unknown, a hostile string. A mutation knows whether the schema forbids it (`mustReject`), so
 * the fuzz test can also catch the server accepting what its own contract says is invalid.
 */
import { utcDate } from './dates';
import { HOSTILE_STRINGS } from './hostile-values';
import { type JsonSchema, type OpenApiDocument, resolveSchema } from './openapi';
import type { Random } from './random';

/** A value for a named property or parameter, or undefined to generate one from the schema. */
export type Hints = (name: string | undefined, schema: JsonSchema) => unknown;

export interface Mutation {
  value: unknown;
  label: string;
  /** The schema forbids the result: a 2xx answer means the server accepted invalid input. */
  mustReject: boolean;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Whether `text` breaks a length limit however a server counts characters — UTF-16 units (JS
 * `.length`), code points (JSON Schema's definition) or user-perceived characters (an emoji
 * with modifiers is one): only then must it be refused.
 */
export function breaksLength(text: string, s: { minLength?: number; maxLength?: number }): boolean {
  if (text.length < (s.minLength ?? 0)) return true;
  if (s.maxLength === undefined) return false;
  // Counted one by one, never kept: an array of segments holds a copy of the text in each.
  let count = 0;
  for (const _ of graphemes.segment(text)) if (++count > s.maxLength) return true;
  return false;
}

/**
 * Whether a string surely breaks its schema: not one of the enum, not matching the pattern
 * (tested, not assumed), not a uuid or a real calendar date, or a length limit (breaksLength).
 */
export function violates(text: string, s: JsonSchema): boolean {
  if (s.enum) return !s.enum.includes(text);
  if (s.pattern !== undefined && !new RegExp(s.pattern).test(text)) return true;
  if (s.format === 'uuid' && !UUID.test(text)) return true;
  if (s.format === 'date' && !isCalendarDate(text)) return true;
  return breaksLength(text, s);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `YYYY-MM-DD`, a day that exists, from 1900 on (the API's oldest date). */
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) && text >= '1900-01-01'
  );
}

/** A number JSON.stringify cannot write (it would write null): spliced in by `toJsonText`. */
export const RAW_NUMBER = '\u0000raw-number:';

/** JSON text for a generated value, with raw numbers such as 1e999 written as literals. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0000raw-number:([^"]+)"/g, '$1');
}

interface Node {
  path: (string | number)[];
  schema: JsonSchema;
}

type Kind =
  | 'wrong-type'
  | 'null'
  | 'unknown-field'
  | 'missing-required'
  | 'too-long'
  | 'too-short'
  | 'very-long'
  | 'hostile-string'
  | 'enum-miss'
  | 'pattern-miss'
  | 'format-miss'
  | 'above-max'
  | 'below-min'
  | 'fraction'
  | 'huge-number'
  | 'too-many-items'
  | 'too-few-items';

const SAFE_LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SAFE_EXTRAS = ['é', 'ß', '読', 'ø', ' ', '-', '’'];
const UNKNOWN_FIELDS = [
  'isAdmin',
  'userId',
  'id',
  'role',
  'createdAt',
  '__proto__',
  'constructor',
  'x'.repeat(300),
];

export class SchemaValues {
  constructor(
    private readonly doc: OpenApiDocument,
    private readonly random: Random,
    private readonly hints: Hints = () => undefined,
  ) {}

  valid(schema: JsonSchema, name?: string): unknown {
    return this.generate(schema, name, 'some', [], []);
  }

  /** Required fields only, no nulls, shortest arrays: the least a request can carry. */
  minimal(schema: JsonSchema, name?: string): unknown {
    return this.generate(schema, name, 'minimal', [], []);
  }

  /**
   * One variant per string and number field the schema has (every optional one included): each
   * string replaced by each of `strings`, each number by each of `numbers` — the same hostile
   * values in every field of every operation, whatever the seed. Each variant carries only the
   * required fields besides the one it changes, so no other field's rule (a habit's kind that
   * may not change, say) refuses it before the hostile value reaches the handler.
   */
  everyField(
    schema: JsonSchema,
    strings: readonly string[],
    numbers: readonly (number | string)[],
  ): Mutation[] {
    const nodes: Node[] = [];
    const full = this.generate(schema, undefined, 'full', [], nodes);
    const least = this.generate(schema, undefined, 'minimal', [], []);
    const variants: Mutation[] = [];
    for (const node of nodes) {
      const s = node.schema;
      const [top] = node.path;
      const base =
        typeof top === 'string' && isPlainObject(least) && isPlainObject(full)
          ? { ...least, [top]: full[top] }
          : full;
      const at = node.path.join('.') || '(body)';
      if (s.type === 'string') {
        for (const text of strings) {
          variants.push({
            value: setAt(base, node.path, text),
            label: `every-field ${JSON.stringify(text.slice(0, 12))} at ${at}`,
            mustReject: violates(text, s),
          });
        }
      }
      if (s.type === 'number' || s.type === 'integer') {
        for (const number of numbers) {
          const numeric =
            typeof number === 'number' ? number : Number(number.slice(RAW_NUMBER.length));
          const fits =
            Number.isFinite(numeric) &&
            numeric <= (s.maximum ?? Number.POSITIVE_INFINITY) &&
            numeric >= (s.minimum ?? Number.NEGATIVE_INFINITY) &&
            (s.type !== 'integer' || Number.isSafeInteger(numeric)) &&
            !s.enum;
          variants.push({
            value: setAt(base, node.path, number),
            label: `every-field ${number} at ${at}`,
            mustReject: !fits,
          });
        }
      }
    }
    return variants;
  }

  /** A valid value with one thing made wrong somewhere in it. */
  mutate(schema: JsonSchema): Mutation {
    const nodes: Node[] = [];
    const base = this.generate(schema, undefined, 'some', [], nodes);
    const node = this.random.pick(nodes);
    const kind = this.random.pick(this.kindsFor(node));
    return this.apply(base, node, kind);
  }

  /** `some`: a random choice of optional fields; `minimal`: none; `full`: all of them. */
  private generate(
    schema: JsonSchema,
    name: string | undefined,
    fields: 'some' | 'minimal' | 'full',
    path: Node['path'],
    nodes: Node[],
  ): unknown {
    const minimal = fields === 'minimal';
    const s = resolveSchema(this.doc, schema);
    const hinted = this.hints(name, s);
    if (hinted !== undefined) {
      nodes.push({ path, schema: s });
      return hinted;
    }
    const branches = s.oneOf ?? s.anyOf;
    if (branches) {
      // `full` takes the branch with the most fields, so every field a branch adds gets visited.
      const branch = fields === 'full' ? this.richest(branches) : this.random.pick(branches);
      return this.generate(branch, name, fields, path, nodes);
    }
    nodes.push({ path, schema: s });
    if (s.nullable && fields === 'some' && this.random.chance(0.1)) return null;
    if (s.enum) return this.random.pick(s.enum);
    switch (s.type) {
      case 'string':
        return this.string(s);
      case 'integer':
      case 'number':
        return this.number(s);
      case 'boolean':
        return this.random.chance(0.5);
      case 'array': {
        const min = s.minItems ?? 0;
        const length = minimal
          ? min
          : this.random.int(min, Math.min(s.maxItems ?? min + 4, min + 4));
        return Array.from({ length }, (_, i) =>
          this.generate(s.items ?? {}, undefined, fields, [...path, i], nodes),
        );
      }
      default: {
        if (!s.properties) return this.random.pick(['x', 1, true]);
        const object: Record<string, unknown> = {};
        for (const [key, property] of Object.entries(s.properties)) {
          const required = s.required?.includes(key) ?? false;
          if (required || fields === 'full' || (fields === 'some' && this.random.chance(0.5))) {
            object[key] = this.generate(property, key, fields, [...path, key], nodes);
          }
        }
        return object;
      }
    }
  }

  private richest(branches: JsonSchema[]): JsonSchema {
    const fieldCount = (b: JsonSchema) =>
      Object.keys(resolveSchema(this.doc, b).properties ?? {}).length;
    return branches.reduce((best, b) => (fieldCount(b) > fieldCount(best) ? b : best));
  }

  private string(s: JsonSchema): string {
    if (s.format === 'uuid') return this.random.uuid();
    if (s.format === 'date') return utcDate(this.random.int(0, 60));
    if (s.pattern === '^#[0-9a-fA-F]{6}$') {
      return `#${Array.from({ length: 6 }, () => this.random.int(0, 15).toString(16)).join('')}`;
    }
    if (s.pattern === '^[\\x20-\\x7e]{1,100}$') {
      return Array.from({ length: this.random.int(1, 40) }, () =>
        String.fromCharCode(this.random.int(0x21, 0x7e)),
      ).join('');
    }
    if (s.pattern !== undefined) {
      // Most patterns are a character class ("no control characters, no slashes"): plain text,
      // or plain letters, usually fits. Else the schema's example; else a generator is missing.
      const pattern = new RegExp(s.pattern);
      for (let attempt = 0; attempt < 20; attempt++) {
        const candidate = attempt % 2 === 0 ? this.plainText(s) : this.plainText(s, SAFE_LETTERS);
        if (pattern.test(candidate)) return candidate;
      }
      if (typeof s.example === 'string' && pattern.test(s.example)) return s.example;
      throw new Error(`schema-values: no generator for pattern ${s.pattern}; add one`);
    }
    return this.plainText(s);
  }

  /** Letters, digits and a few non-ASCII characters, within the length limits. */
  private plainText(s: JsonSchema, alphabet = ''): string {
    const min = Math.max(s.minLength ?? 0, 1);
    const max = Math.min(s.maxLength ?? 40, min + 40);
    const length = this.random.int(min, max);
    // Letters at both ends: servers trim names, and a blank name is rightly refused.
    let text = '';
    while (text.length < length) {
      const edge = text.length === 0 || text.length === length - 1;
      text +=
        alphabet || edge || this.random.chance(0.8)
          ? this.random.pick([...(alphabet || SAFE_LETTERS)])
          : this.random.pick(SAFE_EXTRAS);
    }
    return text;
  }

  private number(s: JsonSchema): number {
    const low = s.minimum ?? -1_000;
    const high = s.maximum ?? Math.max(low + 1_000, 1_000);
    if (s.type === 'integer') {
      return this.random.int(
        Math.ceil(low + (s.exclusiveMinimum ? 1 : 0)),
        Math.floor(high - (s.exclusiveMaximum ? 1 : 0)),
      );
    }
    const span = Math.min(high - low, 1_000);
    const value = Math.round((low + this.random.next() * span) * 100) / 100;
    return s.exclusiveMinimum && value <= low ? low + 0.5 : Math.min(value, high);
  }

  private kindsFor({ schema: s }: Node): Kind[] {
    const kinds: Kind[] = ['wrong-type'];
    if (!s.nullable) kinds.push('null');
    if (s.enum) kinds.push('enum-miss');
    if (s.type === 'string' || (s.type === undefined && typeof s.enum?.[0] === 'string')) {
      kinds.push('hostile-string', 'very-long');
      if (s.maxLength !== undefined) kinds.push('too-long');
      if ((s.minLength ?? 0) >= 1) kinds.push('too-short');
      if (s.pattern) kinds.push('pattern-miss');
      if (s.format === 'uuid' || s.format === 'date') kinds.push('format-miss');
    }
    if (s.type === 'number' || s.type === 'integer') {
      kinds.push('huge-number');
      if (s.maximum !== undefined) kinds.push('above-max');
      if (s.minimum !== undefined) kinds.push('below-min');
      if (s.type === 'integer') kinds.push('fraction');
    }
    if (s.type === 'array') {
      if (s.maxItems !== undefined && s.maxItems <= 1_000) kinds.push('too-many-items');
      if ((s.minItems ?? 0) >= 1) kinds.push('too-few-items');
    }
    if (s.properties) {
      kinds.push('unknown-field');
      if ((s.required?.length ?? 0) > 0) kinds.push('missing-required');
    }
    return kinds;
  }

  private apply(base: unknown, node: Node, kind: Kind): Mutation {
    const s = node.schema;
    const label = `${kind} at ${node.path.join('.') || '(body)'}`;
    const current = getAt(base, node.path);
    const set = (value: unknown, mustReject: boolean): Mutation => ({
      value: setAt(base, node.path, value),
      label,
      mustReject,
    });
    const maxLength = s.maxLength ?? Number.POSITIVE_INFINITY;
    switch (kind) {
      case 'wrong-type':
        return set(this.wrongTypeFor(s), true);
      case 'null':
        return set(null, true);
      case 'enum-miss':
        return set(
          typeof s.enum?.[0] === 'number' ? this.random.pick([0, -1, 8, 99]) : 'not-one-of-them',
          true,
        );
      case 'hostile-string': {
        const text = this.random.pick(HOSTILE_STRINGS);
        return set(text, violates(text, s));
      }
      case 'very-long': {
        // No blanks: a server may trim them away before measuring, and rightly accept the rest.
        const text = this.random
          .pick(['x', 'é', '😀'])
          .repeat(this.random.pick([1_001, 5_000, 20_000]));
        return set(text, violates(text, s));
      }
      case 'too-long':
        return set('x'.repeat(maxLength + this.random.int(1, 20)), true);
      case 'too-short':
        return set('x'.repeat(Math.max(0, (s.minLength ?? 1) - 1)), true);
      case 'pattern-miss': {
        const text = this.random.pick(['nope', '#12345', '#1234567', 'red', '', 'a/b', '\u0007']);
        return set(text, violates(text, s));
      }
      case 'format-miss': {
        const text =
          s.format === 'uuid'
            ? this.random.pick(['not-a-uuid', '123', `${this.random.uuid()}x`])
            : this.random.pick(['2026-02-30', '2026-13-01', '20260301', 'today', '2026-3-1']);
        return set(text, violates(text, s));
      }
      case 'above-max':
        return set(this.random.pick([s.maximum! + 1, s.maximum! * 10 + 1]), true);
      case 'below-min':
        return set(s.exclusiveMinimum ? s.minimum! : s.minimum! - 1, true);
      case 'fraction':
        return set(Number(current ?? 0) + 0.5, true);
      case 'huge-number': {
        const huge = this.random.pick([
          1e308,
          -1e308,
          2 ** 53 + 1,
          `${RAW_NUMBER}1e999`,
          `${RAW_NUMBER}-1e999`,
          `${RAW_NUMBER}123456789012345678901234567890`,
        ]);
        const numeric = typeof huge === 'number' ? huge : Number(huge.slice(RAW_NUMBER.length));
        const inRange =
          Number.isFinite(numeric) &&
          numeric <= (s.maximum ?? Number.POSITIVE_INFINITY) &&
          numeric >= (s.minimum ?? Number.NEGATIVE_INFINITY) &&
          (s.type !== 'integer' || Number.isSafeInteger(numeric));
        return set(huge, !inRange);
      }
      case 'too-many-items': {
        const items = Array.isArray(current) ? current : [];
        const filler = items[0] ?? this.valid(s.items ?? {});
        return set(
          Array.from({ length: s.maxItems! + 1 }, (_, i) => items[i] ?? filler),
          true,
        );
      }
      case 'too-few-items':
        return set([], true);
      case 'missing-required': {
        const key = this.random.pick(s.required!);
        const object = { ...(current as Record<string, unknown>) };
        delete object[key];
        return {
          value: setAt(base, node.path, object),
          label: `${label} (${key})`,
          mustReject: true,
        };
      }
      case 'unknown-field': {
        const key = this.random.pick(UNKNOWN_FIELDS);
        const object = { ...(current as Record<string, unknown>) };
        // An own "__proto__" key, as JSON.parse makes one, not a prototype change.
        Object.defineProperty(object, key, {
          value: this.random.pick(['x', 1, true, null, {}]),
          enumerable: true,
          configurable: true,
          writable: true,
        });
        return {
          value: setAt(base, node.path, object),
          label: `${label} (${key.slice(0, 20)})`,
          mustReject: s.additionalProperties === false,
        };
      }
    }
  }

  private wrongTypeFor(s: JsonSchema): unknown {
    const candidates: unknown[] = [];
    const type =
      s.type ??
      (typeof s.enum?.[0] === 'number'
        ? 'number'
        : typeof s.enum?.[0] === 'string'
          ? 'string'
          : s.properties
            ? 'object'
            : undefined);
    if (type !== 'string') candidates.push('1', 'true', '');
    if (type !== 'number' && type !== 'integer') candidates.push(1, 0, -1.5);
    if (type !== 'boolean') candidates.push(true, false);
    if (type !== 'array') candidates.push([], [1, 'a'], [{}]);
    if (type !== 'object') candidates.push({}, { a: 1 });
    return this.random.pick(candidates);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function getAt(value: unknown, path: Node['path']): unknown {
  let current = value;
  for (const key of path) current = (current as Record<string | number, unknown>)?.[key];
  return current;
}

/** A copy of `root` with the value at `path` replaced (the root itself when the path is empty). */
function setAt(root: unknown, path: Node['path'], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy: Record<string | number, unknown> | unknown[] = Array.isArray(root)
    ? [...root]
    : { ...(root as Record<string, unknown>) };
  (copy as Record<string | number, unknown>)[head!] = setAt(
    (root as Record<string | number, unknown>)[head!],
    rest,
    value,
  );
  return copy;
}
