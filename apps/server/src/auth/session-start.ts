/**
 * The one way a sign-in becomes a session (password, passkey): a new random token, its hash
 * stored with the user; the cookie then carries the token. The row is written with `db`, so a caller can make it
 * part of its own transaction.
 */
import { createSession, type Db } from '@habit-tracker/db';
import type { Env } from '../env';
import { generateSessionToken, sessionExpiry, sessionIdFromToken } from './session-tokens';

/** Stores a new session for `userId`; returns the cookie's token (the caller sets the cookie once its transaction commits). */
export async function storeNewSession(db: Db, env: Env, userId: string, now: Date) {
  const token = generateSessionToken();
  await createSession(db, {
    id: sessionIdFromToken(token),
    userId,
    expiresAt: sessionExpiry(now, env.SESSION_TTL_DAYS),
  });
  return token;
}
