/**
 * The typed HTTP client for docs/api.md. Paths, parameters and bodies are checked against the
 * server's OpenAPI document (schema.d.ts, generated); the types the screens use come from the
 * contract package as type-only imports, so no zod reaches the browser; the server is the validator.
 */
import type {
  CheckinDto,
  CheckinPut,
  Group,
  Habit,
  HabitCreate,
  HabitPatch,
  History,
  Layout,
  LayoutResult,
  Me,
  Settings,
  SettingsPatch,
  SignIn,
  SignUp,
  Stats,
  Today,
} from '@habit-tracker/contract';

export type { Group, RecentDay, Stats, TodayHabit } from '@habit-tracker/contract';
export type {
  CheckinDto,
  CheckinPut,
  Habit,
  HabitCreate,
  HabitPatch,
  History,
  Me,
  Settings,
  Today,
};

import {
  type CheckIssueCode,
  type ErrorCode,
  isErrorCode,
  LIMITS,
  PASSWORD_RULES,
  type PasswordRule,
} from '@habit-tracker/vocabulary';
import createClient from 'openapi-fetch';
import type { MessageId } from '../i18n/message-id';
import type { components, paths } from './schema';

/** One `validation_failed` detail: path, English message, zod's code and bound (docs/api.md). */
export type FieldIssue = components['schemas']['ValidationIssue'];

/** A non-2xx answer from the API, with the contract's error body. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
    readonly retryAfterSeconds: number | null,
  ) {
    super(message);
  }

  /** `validation_failed` details as `{ path: 'measure.target', message, code?, … }`. */
  get issues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.flatMap((d: unknown) => {
      if (typeof d !== 'object' || d === null) return [];
      const { path, message, ...rest } = d as Record<string, unknown>;
      const joined = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
      if (typeof message !== 'string') return [];
      const issue: FieldIssue = { path: joined, message };
      for (const key of ['code', 'origin', 'format', 'expected'] as const) {
        if (typeof rest[key] === 'string') issue[key] = rest[key];
      }
      for (const key of ['minimum', 'maximum'] as const) {
        if (typeof rest[key] === 'number') issue[key] = rest[key];
      }
      if (rest.inclusive === false) issue.inclusive = false;
      // A rule a newer server names that this build lacks: the server's sentence then.
      const rule = PASSWORD_RULES.find((r) => r === rest.rule);
      if (rule) issue.rule = rule;
      return [issue];
    });
  }
}

/** The request never got an answer: offline, DNS, connection reset, CORS… */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

/*
 * Errors as message ids, not text: this module is also in the service worker (sw.ts →
 * offline/outbox.ts), which must not carry react-intl or the catalogs, so it only says *which*
 * sentence; shared/lib/errors.ts phrases it in the active language. `MessageId` is a type-only
 * import (erased from both bundles).
 */

/**
 * One sentence per code the API can send: a new code fails to compile until it has one, and the
 * catalog check then wants its key in every language.
 */
const FRIENDLY: Record<ErrorCode, MessageId> = {
  unauthenticated: 'error.unauthenticated',
  invalid_credentials: 'error.invalid_credentials',
  csrf_rejected: 'error.csrf_rejected',
  // The web app sends no API token; these reach only scripts.
  token_scope: 'error.token_scope',
  token_not_allowed: 'error.token_not_allowed',
  signup_closed: 'error.signup_closed',
  invite_invalid: 'error.invite_invalid',
  invite_expired: 'error.invite_expired',
  admin_only: 'error.admin_only',
  not_found: 'error.not_found',
  email_taken: 'error.email_taken',
  idempotency_key_reused: 'error.idempotency_key_reused',
  last_sign_in_method: 'error.last_sign_in_method',
  wrong_region: 'error.wrong_region',
  import_in_progress: 'error.import_in_progress',
  payload_too_large: 'error.payload_too_large',
  quota_exceeded: 'error.quota_exceeded',
  unsupported_media_type: 'error.unsupported_media_type',
  malformed_json: 'error.malformed_json',
  reset_token_invalid: 'error.reset_token_invalid',
  passkey_invalid: 'error.passkey_invalid',
  passkey_taken: 'error.passkey_taken',
  passkeys_unavailable: 'error.passkeys_unavailable',
  reset_token_expired: 'error.reset_token_expired',
  email_unavailable: 'error.email_unavailable',
  validation_failed: 'error.validation_failed',
  date_in_future: 'error.date_in_future',
  upload_invalid: 'error.upload_invalid',
  import_invalid: 'error.import_invalid',
  rate_limited: 'error.rate_limited',
  internal_error: 'error.internal_error',
  unavailable: 'error.unavailable',
};

/**
 * Codes whose server message says more than the fixed sentence (how much room is left; whether
 * the link was used or expired): English readers get the server's own sentence.
 */
const SERVER_SAYS_MORE: ReadonlySet<string> = new Set<ErrorCode>([
  'quota_exceeded',
  'reset_token_expired',
]);

const FIELD_LABELS: Record<string, MessageId> = {
  email: 'error.field.email',
  password: 'error.field.password',
  newPassword: 'error.field.newPassword',
  currentPassword: 'error.field.currentPassword',
  name: 'error.field.name',
  description: 'error.field.description',
  color: 'error.field.color',
  icon: 'error.field.icon',
  'measure.unit': 'error.field.unit',
  'measure.target': 'error.field.target',
  'schedule.days': 'error.field.days',
  'schedule.times': 'error.field.times',
  'schedule.interval': 'error.field.interval',
  'schedule.startDate': 'error.field.startDate',
  timeZone: 'error.field.timeZone',
  dayStartHour: 'error.field.dayStartHour',
  weekStart: 'error.field.weekStart',
  value: 'error.field.value',
  note: 'error.field.note',
};

/** A message id with its placeholders' values: plain JSON, so the outbox can store it. */
export interface ErrorPhrase {
  id: MessageId;
  values?: Record<string, string | number>;
}

/** One field problem: its label and zod's code phrased, or null where only the server's text fits. */
export interface IssueDescription {
  path: string;
  label: MessageId | null;
  problem: ErrorPhrase | null;
  /** The server's English sentence. */
  message: string;
}

/** Everything a page needs to phrase an error in the active language (shared/lib/errors.ts). */
export interface ErrorDescription {
  code: string;
  /** The sentence for the code, or null: only the server's message (`message`) says it. */
  sentence: MessageId | null;
  /** The server's own sentence (English), shown to English readers where it says more. */
  message: string;
  serverSaysMore: boolean;
  /** rate_limited: seconds to wait (null: unknown). */
  waitSeconds?: number | null;
  issues: IssueDescription[];
  /** import_invalid: where each problem is, and the server's message for it. */
  problems: { file: string | null; line: number | null; message: string }[];
}

/** Which sentences describe any error this client throws (phrased by shared/lib/errors.ts). */
export function describeError(error: unknown): ErrorDescription {
  const base = { message: '', serverSaysMore: false, issues: [], problems: [] };
  if (error instanceof NetworkError) return { ...base, code: 'network', sentence: 'error.offline' };
  if (!(error instanceof ApiError)) return { ...base, code: 'unknown', sentence: 'error.unknown' };
  const known = isErrorCode(error.code);
  const description: ErrorDescription = {
    code: error.code,
    sentence: known ? FRIENDLY[error.code as ErrorCode] : null,
    message: error.message,
    serverSaysMore: SERVER_SAYS_MORE.has(error.code),
    issues: [],
    problems: [],
  };
  if (error.code === 'rate_limited') description.waitSeconds = error.retryAfterSeconds;
  if (error.code === 'import_invalid') description.problems = importProblemsOf(error);
  else description.issues = error.issues.map(describeIssue);
  return description;
}

export function describeIssue(issue: FieldIssue): IssueDescription {
  return {
    path: issue.path,
    label: FIELD_LABELS[issue.path] ?? null,
    problem: issueProblem(issue),
    message: issue.message,
  };
}

/** One sentence per password rule: the hints while typing (shared/lib/password-check.ts), and the server's `rule`. */
export const PASSWORD_RULE_PHRASES: Record<PasswordRule, MessageId> = {
  too_short: 'password.tooShort',
  too_long: 'password.tooLong',
  repeats: 'password.repeats',
  sequence: 'password.sequence',
  email: 'password.email',
  common: 'password.common',
};

/** The server's own checks that need no value: one sentence each (a new code fails the typecheck). */
type PlainCheckCode = Exclude<CheckIssueCode, 'password_rule' | 'limit_reached'>;
const CHECK_PHRASES: Record<PlainCheckCode, MessageId> = {
  required: 'error.issue.required',
  password_incorrect: 'error.issue.passwordIncorrect',
  confirm_email_mismatch: 'error.issue.confirmEmailMismatch',
  date_order: 'error.issue.dateOrder',
  unknown_reference: 'error.issue.unknownReference',
  exactly_once: 'error.issue.exactlyOnce',
  push_endpoint_unknown: 'error.issue.pushEndpointUnknown',
  import_not_previewed: 'error.issue.importNotPreviewed',
  value_not_allowed: 'error.issue.valueNotAllowed',
  value_required: 'error.issue.valueRequired',
  note_only: 'error.issue.noteOnly',
};

/**
 * The issue's code as a sentence: zod's, or one of the server's own checks (the vocabulary's
 * CHECK_ISSUE_CODES); null for a code we have none for (the server's text then).
 */
function issueProblem(issue: FieldIssue): ErrorPhrase | null {
  const { minimum, maximum, origin } = issue;
  if (issue.code && Object.hasOwn(CHECK_PHRASES, issue.code)) {
    return { id: CHECK_PHRASES[issue.code as PlainCheckCode] };
  }
  switch (issue.code) {
    case 'password_rule':
      return issue.rule
        ? {
            id: PASSWORD_RULE_PHRASES[issue.rule],
            values: { min: LIMITS.passwordMin, max: LIMITS.passwordMax },
          }
        : null;
    case 'limit_reached':
      return maximum === undefined
        ? { id: 'error.issue.limitReachedNoCount' }
        : { id: 'error.issue.limitReached', values: { maximum } };
    case 'too_small':
      if (minimum === undefined) return { id: 'error.issue.invalid' };
      if (origin === 'string') return { id: 'error.issue.tooShort', values: { minimum } };
      if (origin === 'array' || origin === 'set') {
        return { id: 'error.issue.tooFew', values: { minimum } };
      }
      return issue.inclusive === false
        ? { id: 'error.issue.tooSmallExclusive', values: { minimum } }
        : { id: 'error.issue.tooSmall', values: { minimum } };
    case 'too_big':
      if (maximum === undefined) return { id: 'error.issue.invalid' };
      // The server's own range checks (history, vacations) count days.
      if (origin === 'days') return { id: 'error.issue.tooManyDays', values: { maximum } };
      if (origin === 'string') return { id: 'error.issue.tooLong', values: { maximum } };
      if (origin === 'array' || origin === 'set') {
        return { id: 'error.issue.tooMany', values: { maximum } };
      }
      return issue.inclusive === false
        ? { id: 'error.issue.tooBigExclusive', values: { maximum } }
        : { id: 'error.issue.tooBig', values: { maximum } };
    case 'invalid_format':
      return issue.format === 'email' ? { id: 'error.issue.email' } : { id: 'error.issue.format' };
    case 'invalid_type':
      return { id: 'error.issue.type' };
    case 'invalid_value':
      return { id: 'error.issue.value' };
    case 'unrecognized_keys':
      return { id: 'error.issue.unknownField' };
    case 'invalid_union':
    case 'custom':
      return { id: 'error.issue.invalid' };
    default:
      return null;
  }
}

/** `import_invalid` details: file, line and the server's message (docs/api.md, "Import"). */
function importProblemsOf(error: ApiError): ErrorDescription['problems'] {
  if (!Array.isArray(error.details)) return [];
  return error.details.flatMap((d: unknown) => {
    if (typeof d !== 'object' || d === null) return [];
    const { file, line, message } = d as { file?: unknown; line?: unknown; message?: unknown };
    if (typeof message !== 'string') return [];
    return [
      {
        file: typeof file === 'string' && file ? file : null,
        line: typeof line === 'number' && line ? line : null,
        message,
      },
    ];
  });
}

type UnauthenticatedListener = () => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();
/** Called whenever a request (other than sign-in) answers 401: the session is gone. */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Turns a fetch Response into data or a thrown ApiError. */
export async function readResponse<T>(response: Response): Promise<T> {
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  let code = 'http_error';
  let message = `The server answered ${response.status}.`;
  let details: unknown;
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; details?: unknown };
    };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
    details = body.error?.details;
  } catch {
    // Not our JSON (a proxy's error page): keep the generic message.
  }
  const retryAfter = Number(response.headers.get('Retry-After'));
  const error = new ApiError(
    response.status,
    code,
    message,
    details,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
  if (response.status === 401 && code === 'unauthenticated') {
    for (const listener of unauthenticatedListeners) listener();
  }
  throw error;
}

/**
 * Every API call's way to the network (openapi-fetch's `fetch`): no answer becomes a NetworkError
 * and a non-2xx answer an ApiError (readResponse, which also tells the 401 listeners), so the
 * calls below only ever see a 2xx answer's data. `fetch` is looked up per call, not captured:
 * tests (offline/sync.test.ts) install theirs after this module loads.
 */
async function send(request: Request): Promise<Response> {
  let response: Response;
  try {
    response = await globalThis.fetch(request);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError('Network request failed');
  }
  if (!response.ok) await readResponse(response);
  return response;
}

/**
 * The API's paths, parameters and bodies as the server's OpenAPI document states them
 * (schema.d.ts, `npm run gen:api`; docs/decisions/0021-typed-web-client.md). The origin is
 * explicit because a Request needs an absolute URL outside a page (the service worker, tests).
 */
export const client = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  fetch: send,
  credentials: 'same-origin',
  headers: { Accept: 'application/json' },
});

/** A call's data: errors never reach here (send throws them), and a 204's data is undefined. */
export async function answer<T>(call: Promise<{ data?: T }>): Promise<T> {
  return (await call).data as T;
}

/** Callers may name a key so that a retry of the same change is applied once (docs/api.md). */
function idempotency(key: string | undefined): Record<string, string> {
  return key ? { 'Idempotency-Key': key } : {};
}

/**
 * The Today request exactly as index.html preloads it (same URL, mode and credentials, no extra
 * headers), so the browser hands the preloaded response to it instead of asking twice.
 */
export function fetchTodayResponse(): Promise<Response> {
  return fetch('/api/v1/today');
}

export const api = {
  signUp: (body: SignUp): Promise<Me> => answer(client.POST('/api/v1/auth/sign-up', { body })),
  signupMode: (): Promise<{ mode: 'open' | 'invite' | 'oidc-only' }> =>
    answer(client.GET('/api/v1/auth/signup-mode')),
  signIn: (body: SignIn): Promise<Me> => answer(client.POST('/api/v1/auth/sign-in', { body })),
  signOut: (): Promise<void> => answer(client.POST('/api/v1/auth/sign-out')),
  requestPasswordReset: (body: { email: string }): Promise<{ message: string }> =>
    answer(client.POST('/api/v1/auth/password-reset', { body })),
  confirmPasswordReset: (body: { token: string; password: string }): Promise<void> =>
    answer(client.POST('/api/v1/auth/password-reset/confirm', { body })),
  signOutEverywhere: (): Promise<void> => answer(client.POST('/api/v1/auth/sign-out-everywhere')),
  changePassword: (body: { currentPassword: string; newPassword: string }): Promise<void> =>
    answer(client.POST('/api/v1/auth/change-password', { body })),
  me: (): Promise<Me> => answer(client.GET('/api/v1/me')),
  /** The password, or for an account without one (made by an issuer) its email, typed. */
  deleteAccount: (confirm: { password: string } | { email: string }): Promise<void> =>
    answer(client.DELETE('/api/v1/me', { body: confirm })),
  settings: (): Promise<Settings> => answer(client.GET('/api/v1/settings')),
  updateSettings: (body: SettingsPatch): Promise<Settings> =>
    answer(client.PATCH('/api/v1/settings', { body })),

  habits: (status: 'active' | 'archived' | 'all' = 'active'): Promise<{ habits: Habit[] }> =>
    answer(client.GET('/api/v1/habits', { params: { query: { status } } })),
  habit: (id: string): Promise<Habit> =>
    answer(client.GET('/api/v1/habits/{id}', { params: { path: { id } } })),
  createHabit: (body: HabitCreate): Promise<Habit> =>
    answer(client.POST('/api/v1/habits', { body })),
  updateHabit: (id: string, body: HabitPatch): Promise<Habit> =>
    answer(client.PATCH('/api/v1/habits/{id}', { params: { path: { id } }, body })),
  archiveHabit: (id: string): Promise<Habit> =>
    answer(client.POST('/api/v1/habits/{id}/archive', { params: { path: { id } } })),
  unarchiveHabit: (id: string): Promise<Habit> =>
    answer(client.POST('/api/v1/habits/{id}/unarchive', { params: { path: { id } } })),
  deleteHabit: (id: string): Promise<void> =>
    answer(client.DELETE('/api/v1/habits/{id}', { params: { path: { id } } })),
  groups: (): Promise<{ groups: Group[] }> => answer(client.GET('/api/v1/groups')),
  createGroup: (name: string): Promise<Group> =>
    answer(client.POST('/api/v1/groups', { body: { name } })),
  renameGroup: (id: string, name: string): Promise<Group> =>
    answer(client.PATCH('/api/v1/groups/{id}', { params: { path: { id } }, body: { name } })),
  deleteGroup: (id: string): Promise<void> =>
    answer(client.DELETE('/api/v1/groups/{id}', { params: { path: { id } } })),
  setLayout: (body: Layout): Promise<LayoutResult> =>
    answer(client.PUT('/api/v1/layout', { body })),
  reorderHabits: (ids: string[]): Promise<{ habits: Habit[] }> =>
    answer(client.PUT('/api/v1/habits/order', { body: { ids } })),

  putCheckin: (
    id: string,
    date: string,
    body: CheckinPut,
    idempotencyKey?: string,
  ): Promise<CheckinDto> =>
    answer(
      client.PUT('/api/v1/habits/{id}/checkins/{date}', {
        params: { path: { id, date } },
        body,
        headers: idempotency(idempotencyKey),
      }),
    ),
  deleteCheckin: (
    id: string,
    date: string,
    idempotencyKey?: string,
    keep?: 'notes',
  ): Promise<void> =>
    answer(
      client.DELETE('/api/v1/habits/{id}/checkins/{date}', {
        params: { path: { id, date }, query: keep ? { keep } : {} },
        headers: idempotency(idempotencyKey),
      }),
    ),

  today: (): Promise<Today> => answer(client.GET('/api/v1/today')),
  stats: (unit: 'week' | 'month' | 'year'): Promise<Stats> =>
    answer(client.GET('/api/v1/stats', { params: { query: { unit } } })),
  history: (id: string, range: { from?: string; to?: string } = {}): Promise<History> =>
    answer(client.GET('/api/v1/habits/{id}/history', { params: { path: { id }, query: range } })),
};
