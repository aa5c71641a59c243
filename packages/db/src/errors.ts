/** Sign-up with an email that is already registered (the server answers 409 `email_taken`). */
export class EmailTakenError extends Error {
  override readonly name = 'EmailTakenError';
  constructor(options?: ErrorOptions) {
    super('Email is already registered', options);
  }
}

/**
 * PostgreSQL's SQLSTATE of a failed query, or undefined. Drizzle wraps driver errors
 * (DrizzleQueryError), so the code may sit on a `cause`; node-postgres and PGlite both use `code`.
 */
export function pgErrorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export const UNIQUE_VIOLATION = '23505';

/** A write reached a read-only server (a replica, or a primary in recovery). */
export const READ_ONLY_SQL_TRANSACTION = '25006';

/** SQLSTATE 40001 on a standby: a query cancelled by a conflict with WAL replay. */
export const SERIALIZATION_FAILURE = '40001';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
]);
// 08xxx connection exceptions, 57P01–57P03 shutdown / crash / starting up, 53300 too many
// connections.
const UNREACHABLE_SQLSTATE = /^(08...|57P0[1-3]|53300)$/;
// node-postgres reports a dropped or hung connection by message only; so does a closed PGlite
// (during shutdown) and the server's bounded health ping.
const UNREACHABLE_MESSAGE =
  /connection terminated|timeout exceeded when trying to connect|query read timeout|connection error|Client has encountered a connection error|PGlite is closed|database is closed|database ping timed out/i;

/**
 * True when `error` says the server could not be reached or dropped the connection (as opposed
 * to a query the server refused): the query did not run, so another server may be asked.
 */
export function isConnectionFailure(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNREACHABLE_SQLSTATE.test(code))) {
      return true;
    }
    if (typeof message === 'string' && UNREACHABLE_MESSAGE.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** A write refused because the server is read-only (SQLSTATE 25006). */
export function isReadOnlyTransactionError(error: unknown): boolean {
  return pgErrorCode(error) === READ_ONLY_SQL_TRANSACTION;
}

/**
 * Text PostgreSQL cannot store (22021: a NUL or bytes invalid in UTF-8; 22P05: untranslatable):
 * bad input that slipped past validation — a 422, never a 500.
 */
export function isInvalidTextError(error: unknown): boolean {
  const code = pgErrorCode(error);
  return code === '22021' || code === '22P05';
}
