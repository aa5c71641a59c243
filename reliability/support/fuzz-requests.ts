/**
 * The fuzz test's requests, from the OpenAPI document and a seed: first the systematic part —
 * the same hostile strings and numbers in every field of every body, hostile segments in every
 * path parameter — then random ones, each determined by the seed and its index (and the user's
 * habits at that moment): valid requests, schema mutations, bodies that are not JSON, hostile
 * path, query and header values.
 */
import { utcDate } from './dates';
import { encodeComponent, HOSTILE_SEGMENTS, HOSTILE_STRINGS, RAW_BODIES } from './hostile-values';
import { fillPath, type OpenApiDocument, type Operation, type Parameter } from './openapi';
import { Random } from './random';
import { type Hints, RAW_NUMBER, SchemaValues, toJsonText, violates } from './schema-values';

/** Sign-in and sign-up are limited per client IP: a few addresses let the handlers run a while. */
const CLIENT_IPS = ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4'];
const TIME_ZONES = [
  'UTC',
  'Europe/Berlin',
  'Asia/Singapore',
  'America/New_York',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];
/** Put into every string field of every operation (the random part may or may not reach them). */
const EVERY_FIELD_STRINGS = [
  '\u0000',
  'nul\u0000inside',
  '\u0007\u001b[31m\r\n',
  '\ud800',
  '\u202egnp.exe',
  '👨‍👩‍👧‍👦',
  ' ',
  '',
];
const EVERY_FIELD_NUMBERS = [1e308, -1e308, `${RAW_NUMBER}1e999`, 2 ** 53 + 1, -0.001];

export type Mode =
  | 'valid'
  | 'body'
  | 'raw-body'
  | 'path'
  | 'query'
  | 'header'
  | 'every-field'
  | 'every-segment';

export interface FuzzRequest {
  index: number;
  operation: Operation;
  mode: Mode;
  label: string;
  path: string;
  headers: Record<string, string>;
  json?: unknown;
  raw?: string | Buffer;
  contentType?: string;
  /** The contract forbids this request: a 2xx answer means invalid input was accepted. */
  mustReject: boolean;
}

/** What requests are made for: the server's contract and the signed-in user's objects. */
export interface FuzzTarget {
  doc: OpenApiDocument;
  /** Sent as Origin, so the CSRF check passes and handlers run. */
  origin: string;
  /** The user's habits now (ids); the test keeps it current. */
  habits: ReadonlySet<string>;
  /** Habits never deleted, so most requests reach a handler with a real object. */
  anchors: ReadonlySet<string>;
  /** The configured OpenID Connect issuers' ids, so /auth/oidc/{id}/… reach a real issuer. */
  oidcProviders?: readonly string[];
}

/**
 * The same hostile values in every place, whatever the seed: each string and number field of
 * every body, each path parameter of every operation.
 */
export function systematicRequests(target: FuzzTarget, operations: Operation[]): FuzzRequest[] {
  const random = new Random(0);
  const values = new SchemaValues(target.doc, random, hintsFor(target, random));
  const requests: FuzzRequest[] = [];
  for (const operation of operations) {
    const base = (habit?: string) => validParts(target, operation, random, values, habit);
    // Against each anchor habit (a yes/no one and a numeric one): whichever kind the least body
    // suits, the hostile value reaches the handler there.
    const habits = operation.path.includes('/habits/{id}') ? [...target.anchors] : [undefined];
    if (operation.body) {
      const variants = values.everyField(operation.body, EVERY_FIELD_STRINGS, EVERY_FIELD_NUMBERS);
      for (const mutation of variants) {
        for (const habit of habits) {
          const { path, headers } = base(habit);
          requests.push({
            index: -1,
            operation,
            mode: 'every-field',
            label: mutation.label,
            path,
            headers,
            json: mutation.value,
            mustReject: mutation.mustReject,
          });
        }
      }
    }
    for (const p of operation.parameters.filter((p) => p.in === 'path')) {
      for (const segment of HOSTILE_SEGMENTS) {
        const { segments, query, headers, json } = base();
        segments[p.name] = segment;
        const path = fillPath(operation.path, segments) + query;
        requests.push({
          index: -1,
          operation,
          mode: 'every-segment',
          label: `path ${p.name}=${segment.slice(0, 40)}`,
          path,
          headers,
          json,
          mustReject: !isValidFor(p, safeDecode(segment)),
        });
      }
    }
  }
  return requests;
}

/** A valid request's parts: path segments (encoded), query string, headers and JSON body. */
function validParts(
  target: FuzzTarget,
  operation: Operation,
  random: Random,
  values: SchemaValues,
  /** The habit for an `{id}` under /habits (else one of the pool). */
  habit?: string,
) {
  const segments: Record<string, string> = {};
  for (const p of operation.parameters.filter((p) => p.in === 'path')) {
    const value =
      p.name === 'id' && habit ? habit : validParameter(target, p, operation, random, values);
    segments[p.name] = encodeComponent(String(value));
  }
  const headers: Record<string, string> = {
    origin: target.origin,
    'fly-client-ip': random.pick(CLIENT_IPS),
  };
  for (const p of operation.parameters.filter((p) => p.in === 'header')) {
    headers[p.name] = `fuzz-${random.int(0, 1e12)}`;
  }
  const json = operation.body ? values.valid(operation.body) : undefined;
  return { segments, query: '', headers, json, path: fillPath(operation.path, segments) };
}

function hintsFor(target: FuzzTarget, random: Random): Hints {
  return (name, schema) => {
    if (name === 'email') return `fuzz-${random.int(0, 1e9)}@example.com`;
    if (name === 'timeZone') return random.pick(TIME_ZONES);
    if (schema.format === 'uuid' && target.habits.size > 0 && random.chance(0.8)) {
      return random.pick([...target.habits]);
    }
    return undefined;
  };
}

/** Request `index` of the run: determined by the seed, the index and the user's habits then. */
export function randomRequest(
  target: FuzzTarget,
  index: number,
  seed: number,
  operation: Operation,
): FuzzRequest {
  const random = new Random((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const values = new SchemaValues(target.doc, random, hintsFor(target, random));
  const params = operation.parameters;
  const modes: Mode[] = ['valid', 'valid'];
  if (operation.body) modes.push('body', 'body', 'raw-body');
  if (params.some((p) => p.in === 'path')) modes.push('path');
  if (params.some((p) => p.in === 'query')) modes.push('query');
  if (params.some((p) => p.in === 'header')) modes.push('header');
  const mode = random.pick(modes);

  let mustReject = false;
  let label: string = mode;
  const segments: Record<string, string> = {};
  for (const p of params.filter((p) => p.in === 'path')) {
    segments[p.name] = encodeComponent(
      String(validParameter(target, p, operation, random, values)),
    );
  }
  if (mode === 'path') {
    const p = random.pick(params.filter((p) => p.in === 'path'));
    const segment = random.chance(0.7)
      ? random.pick(HOSTILE_SEGMENTS)
      : encodeComponent(random.pick(HOSTILE_STRINGS));
    segments[p.name] = segment;
    mustReject = !isValidFor(p, safeDecode(segment));
    label = `path ${p.name}=${segment.slice(0, 40)}`;
  }

  const query: string[] = [];
  for (const p of params.filter((p) => p.in === 'query')) {
    if (random.chance(0.5))
      query.push(
        `${p.name}=${encodeComponent(String(validParameter(target, p, operation, random, values)))}`,
      );
  }
  if (mode === 'query') {
    const p = random.pick(params.filter((p) => p.in === 'query'));
    const kind = random.pick(['hostile', 'miss', 'repeat', 'range'] as const);
    const value =
      kind === 'hostile'
        ? encodeComponent(random.pick(HOSTILE_STRINGS))
        : kind === 'miss'
          ? encodeComponent(
              p.schema.format === 'date'
                ? random.pick(['2026-02-30', '1899-12-31', 'yesterday'])
                : 'not-one-of-them',
            )
          : kind === 'range'
            ? random.pick(['1900-01-01', '9999-12-31', '0001-01-01'])
            : `${encodeComponent(String(validParameter(target, p, operation, random, values)))}&${p.name}=${encodeComponent(String(validParameter(target, p, operation, random, values)))}`;
    query.push(`${p.name}=${value}`);
    mustReject = kind === 'miss' || (kind === 'hostile' && !isValidFor(p, safeDecode(value)));
    label = `query ${kind} ${p.name}=${value.slice(0, 40)}`;
  }

  const headers: Record<string, string> = {
    origin: target.origin,
    'fly-client-ip': random.pick(CLIENT_IPS),
  };
  for (const p of params.filter((p) => p.in === 'header')) {
    if (random.chance(0.7)) headers[p.name] = `fuzz-${index}-${random.int(0, 1e9)}`;
  }
  if (mode === 'header') {
    const p = random.pick(params.filter((p) => p.in === 'header'));
    const value = random.pick([
      'x'.repeat(101),
      'cl\u00e9',
      'a'.repeat(100),
      '',
      ' ',
      'key with spaces',
    ]);
    headers[p.name] = value;
    mustReject = !isValidFor(p, value) && value.trim() !== '';
    label = `header ${p.name}=${JSON.stringify(value.slice(0, 20))}`;
  }

  const request: FuzzRequest = { index, operation, mode, label, path: '', headers, mustReject };
  request.path =
    fillPath(operation.path, segments) + (query.length > 0 ? `?${query.join('&')}` : '');
  if (operation.body) {
    if (mode === 'body') {
      const mutation = values.mutate(operation.body);
      request.json = mutation.value;
      request.mustReject = mutation.mustReject;
      request.label = `body ${mutation.label}`;
    } else if (mode === 'raw-body') {
      const raw = random.pick(RAW_BODIES);
      request.raw = raw.body;
      if (raw.contentType) request.contentType = raw.contentType;
      request.mustReject = raw.mustReject;
      request.label = `raw body: ${raw.label}`;
    } else {
      request.json = values.valid(operation.body);
    }
  }
  return request;
}

/** A valid value for a parameter; deletes spare the anchor habits. */
function validParameter(
  target: FuzzTarget,
  p: Parameter,
  operation: Operation,
  random: Random,
  values: SchemaValues,
): unknown {
  if (p.schema.format === 'uuid') {
    const candidates =
      operation.method === 'DELETE' && !operation.path.includes('checkins')
        ? [...target.habits].filter((id) => !target.anchors.has(id))
        : [...target.habits];
    return candidates.length > 0 && random.chance(0.85) ? random.pick(candidates) : random.uuid();
  }
  if (p.schema.format === 'date') return utcDate(random.int(0, 30));
  const providers = target.oidcProviders ?? [];
  if (operation.path.startsWith('/api/v1/auth/oidc/{id}') && providers.length > 0) {
    if (random.chance(0.85)) return random.pick([...providers]);
  }
  return values.valid(p.schema, p.name);
}

/** Whether a parameter value is what its schema allows (undefined: not even decodable). */
function isValidFor(p: Parameter, value: string | undefined): boolean {
  return value !== undefined && !violates(value, p.schema);
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

export function describeRequest(request: FuzzRequest): string {
  const body =
    request.json !== undefined
      ? toJsonText(request.json)
      : request.raw !== undefined
        ? String(request.raw)
        : '';
  return `#${request.index} [${request.label}] ${request.operation.method} ${request.path.slice(0, 200)} ${body.slice(0, 200)}`;
}
