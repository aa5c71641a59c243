/**
 * Recognises "the database cannot be reached" among the errors a query can throw, so the API
 * answers 503 + Retry-After (a client should retry) instead of 500 (a bug). Drivers and drizzle
 * wrap errors, so the whole `cause` chain is inspected.
 */
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

// PostgreSQL SQLSTATEs: 08xxx connection exceptions, 57P0x shutdown/starting, 53300 too many
// connections.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-3]|53300)$/;

const UNAVAILABLE_MESSAGE =
  /connection terminated|timeout exceeded when trying to connect|connection error|PGlite is closed|database is closed|database ping timed out/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) {
      return true;
    }
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
