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
