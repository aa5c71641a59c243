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

import { type ErrorCode, isErrorCode } from '@habit-tracker/vocabulary';
import createClient from 'openapi-fetch';
import type { paths } from './schema';

export interface FieldIssue {
  path: string;
  message: string;
}

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

  /** `validation_failed` details as `{ path: 'measure.target', message }`. */
  get issues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.flatMap((d: unknown) => {
      if (typeof d !== 'object' || d === null) return [];
      const { path, message } = d as { path?: unknown; message?: unknown };
      const joined = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
      return typeof message === 'string' ? [{ path: joined, message }] : [];
    });
  }
}

/** The request never got an answer: offline, DNS, connection reset, CORS… */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

/**
 * One sentence per code the API can send: a new code fails to compile until it has one. Null
 * where the server's own message says more than a fixed sentence could (how much room is left).
 */
const FRIENDLY: Record<ErrorCode, string | null> = {
  unauthenticated: 'Your session has ended. Please sign in again.',
  invalid_credentials: 'That email and password don’t match an account.',
  csrf_rejected: 'The request was blocked for your security. Reload the page and try again.',
  // The web app sends no API token; these reach only scripts, whose message says more.
  token_scope: null,
  token_not_allowed: null,
  signup_closed: 'This server does not take new accounts this way.',
  invite_invalid: 'This invite link is not valid. Ask for a new one.',
  invite_expired: 'This invite link has expired or has already been used. Ask for a new one.',
  admin_only: 'Only this server’s administrators can do that.',
  not_found: 'That no longer exists — it may have been deleted.',
  email_taken: 'An account with this email already exists. Try signing in instead.',
  idempotency_key_reused: 'This change clashed with an earlier one and was not applied.',
  // The server's message says why (the only way left to sign in).
  last_sign_in_method: null,
  wrong_region: 'The service is briefly unavailable. Please try again in a moment.',
  import_in_progress: 'That file is still being read. Try again in a moment.',
  payload_too_large: 'That is too much text to save in one go.',
  quota_exceeded: null,
  unsupported_media_type: 'The app sent something the server could not read. Reload and try again.',
  malformed_json: 'The app sent something the server could not read. Reload and try again.',
  reset_token_invalid: 'This reset link is not valid. Ask for a new one below.',
  passkey_invalid: 'That passkey was not accepted. Try again, or use your password.',
  passkey_taken: 'This passkey is already registered.',
  passkeys_unavailable: 'Passkeys are not available on this server. Ask whoever runs it.',
  // The server says which: already used, or expired.
  reset_token_expired: null,
  email_unavailable:
    'This server cannot send email, so a password cannot be reset by email. Ask whoever runs it.',
  validation_failed: 'Some details need fixing.',
  date_in_future: 'You can’t record a day that hasn’t happened yet.',
  upload_invalid:
    'That file arrived damaged or isn’t the kind of image it claims to be. Try choosing it again.',
  import_invalid: 'That file can’t be imported.',
  rate_limited: 'Too many attempts.',
  internal_error: 'Something went wrong on our side. Please try again.',
  unavailable: 'The service is briefly unavailable. Please try again in a moment.',
};

/** One sentence a person can act on, for any error this client throws. */
export function friendlyError(error: unknown): string {
  if (error instanceof NetworkError) return 'You appear to be offline. Check your connection.';
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  let text = (isErrorCode(error.code) ? FRIENDLY[error.code] : null) ?? error.message;
  if (error.code === 'rate_limited' && error.retryAfterSeconds) {
    text += ` Try again in ${formatWait(error.retryAfterSeconds)}.`;
  } else if (error.code === 'rate_limited') {
    text += ' Please wait a little and try again.';
  }
  if (error.code === 'import_invalid') {
    const problems = importProblems(error);
    return problems.length > 0 ? `${text} ${problems.join('; ')}.` : text;
  }
  const issues = error.issues;
  if (issues.length > 0) {
    text += ` ${issues.map((i) => (i.path ? `${labelOf(i.path)}: ${i.message}` : i.message)).join('; ')}.`;
  }
  return text;
}

/** `import_invalid` details as "Habits.csv, line 3: message" (docs/api.md, "Import"). */
export function importProblems(error: ApiError): string[] {
  if (!Array.isArray(error.details)) return [];
  return error.details.flatMap((d: unknown) => {
    if (typeof d !== 'object' || d === null) return [];
    const { file, line, message } = d as { file?: unknown; line?: unknown; message?: unknown };
    if (typeof message !== 'string') return [];
    const where = [typeof file === 'string' && file ? file : null, line ? `line ${line}` : null];
    const prefix = where.filter(Boolean).join(', ');
    return [prefix ? `${prefix}: ${message}` : message];
  });
}

function formatWait(seconds: number): string {
  return seconds < 90 ? `${Math.ceil(seconds)} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

const FIELD_LABELS: Record<string, string> = {
  email: 'Email',
  password: 'Password',
  newPassword: 'New password',
  currentPassword: 'Current password',
  name: 'Name',
  description: 'Description',
  color: 'Colour',
  icon: 'Icon',
  'measure.unit': 'Unit',
  'measure.target': 'Target',
  'schedule.days': 'Days',
  'schedule.times': 'Times',
  'schedule.interval': 'Interval',
  'schedule.startDate': 'Start date',
  timeZone: 'Time zone',
  dayStartHour: 'Day starts at',
  weekStart: 'Week starts on',
  value: 'Value',
  note: 'Note',
};
function labelOf(path: string): string {
  return FIELD_LABELS[path] ?? path;
}

/** Field path → message, for forms that show errors beside their inputs. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.issues.map((i) => [i.path, i.message]));
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
  deleteCheckin: (id: string, date: string, idempotencyKey?: string): Promise<void> =>
    answer(
      client.DELETE('/api/v1/habits/{id}/checkins/{date}', {
        params: { path: { id, date } },
        headers: idempotency(idempotencyKey),
      }),
    ),

  today: (): Promise<Today> => answer(client.GET('/api/v1/today')),
  stats: (unit: 'week' | 'month' | 'year'): Promise<Stats> =>
    answer(client.GET('/api/v1/stats', { params: { query: { unit } } })),
  history: (id: string, range: { from?: string; to?: string } = {}): Promise<History> =>
    answer(client.GET('/api/v1/habits/{id}/history', { params: { path: { id }, query: range } })),
};
