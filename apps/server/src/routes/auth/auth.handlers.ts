import {
  createSession,
  createUser,
  deleteSession,
  deleteUser,
  deleteUserSessions,
  EmailTakenError,
  findUserByEmail,
  getSettings,
  updatePasswordHash,
} from '@habit-tracker/db';
import type { RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from '../../auth/cookies';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../auth/passwords';
import { type AuthRateLimits, assertNotExhausted } from '../../auth/rate-limits';
import {
  generateSessionToken,
  isWellFormedToken,
  sessionExpiry,
  sessionIdFromToken,
} from '../../auth/session-tokens';
import type { AppEnv, AuthedEnv } from '../../context';
import { AppError, validationFailed } from '../../errors';
import { toMe } from '../../lib/dto';
import { canonicalTimeZone } from '../../lib/time-zone';
import type * as routes from './auth.routes';

export const signUp: RouteHandler<typeof routes.signUp, AppEnv> = async (c) => {
  const { env, database, clock } = c.var.deps;
  const { email, password, timeZone, dayStartHour, weekStart } = c.req.valid('json');
  const passwordHash = await hashPassword(password);
  const token = generateSessionToken();
  const now = clock();
  let created: Awaited<ReturnType<typeof createUser>>;
  try {
    created = await database.transaction(async (tx) => {
      const result = await createUser(tx, {
        email,
        passwordHash,
        settings: { timeZone: timeZone && canonicalTimeZone(timeZone), dayStartHour, weekStart },
      });
      await createSession(tx, {
        id: sessionIdFromToken(token),
        userId: result.user.id,
        expiresAt: sessionExpiry(now, env.SESSION_TTL_DAYS),
      });
      return result;
    });
  } catch (error) {
    if (error instanceof EmailTakenError) {
      throw new AppError('email_taken', 'An account with this email already exists');
    }
    throw error;
  }
  writeSessionCookie(c, env, token);
  return c.json(toMe(created.user, created.settings), 201);
};

export const signIn: RouteHandler<typeof routes.signIn, AppEnv> = async (c) => {
  const { env, database, clock, rateLimits } = c.var.deps;
  const { email, password } = c.req.valid('json');
  await assertNotExhausted(rateLimits.signInFailuresByEmail, email);

  const user = await findUserByEmail(database.db, email);
  // An unknown email costs the same hash as a known one, so timing does not reveal accounts.
  const valid = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyAgainstDummy(password);
  const settings = user && valid ? await getSettings(database.db, user.id) : null;
  if (!user || !settings) {
    await recordFailure(rateLimits, email);
    throw new AppError('invalid_credentials', 'Wrong email or password');
  }
  await rateLimits.signInFailuresByEmail.delete(email);

  const token = generateSessionToken();
  await createSession(database.db, {
    id: sessionIdFromToken(token),
    userId: user.id,
    expiresAt: sessionExpiry(clock(), env.SESSION_TTL_DAYS),
  });
  writeSessionCookie(c, env, token);
  return c.json(toMe(user, settings), 200);
};

export const signOut: RouteHandler<typeof routes.signOut, AppEnv> = async (c) => {
  const { env, database } = c.var.deps;
  const token = readSessionCookie(c, env);
  if (token && isWellFormedToken(token)) {
    await deleteSession(database.db, sessionIdFromToken(token));
  }
  clearSessionCookie(c, env);
  return c.body(null, 204);
};

export const signOutEverywhere: RouteHandler<typeof routes.signOutEverywhere, AuthedEnv> = async (
  c,
) => {
  const { env, database } = c.var.deps;
  await deleteUserSessions(database.db, c.var.user.id);
  clearSessionCookie(c, env);
  return c.body(null, 204);
};

export const changePassword: RouteHandler<typeof routes.changePassword, AuthedEnv> = async (c) => {
  const { database } = c.var.deps;
  const { currentPassword, newPassword } = c.req.valid('json');
  const { user, sessionId } = c.var;
  await confirmPassword(c, currentPassword, 'currentPassword');
  const passwordHash = await hashPassword(newPassword);
  await database.transaction(async (tx) => {
    await updatePasswordHash(tx, user.id, passwordHash);
    // Whoever else holds a session may be the reason for the change: they are signed out.
    await deleteUserSessions(tx, user.id, sessionId);
  });
  return c.body(null, 204);
};

export const getMe: RouteHandler<typeof routes.getMe, AuthedEnv> = (c) =>
  c.json(toMe(c.var.user, c.var.settings), 200);

export const deleteMe: RouteHandler<typeof routes.deleteMe, AuthedEnv> = async (c) => {
  const { env, database } = c.var.deps;
  const { password } = c.req.valid('json');
  await confirmPassword(c, password, 'password');
  // Settings, sessions, habits, check-ins and idempotency records go with the user (cascade).
  await deleteUser(database.db, c.var.user.id);
  clearSessionCookie(c, env);
  return c.body(null, 204);
};

/**
 * Re-checks the password before a sensitive change. Failures count against the same per-email
 * budget as sign-in, so a stolen session cannot be used to guess the password either.
 */
async function confirmPassword(c: Context<AuthedEnv>, password: string, field: string) {
  const { rateLimits } = c.var.deps;
  const { user } = c.var;
  await assertNotExhausted(rateLimits.signInFailuresByEmail, user.email);
  if (await verifyPassword(user.passwordHash, password)) return;
  await recordFailure(rateLimits, user.email);
  throw validationFailed(
    [{ path: field, message: 'Password is incorrect' }],
    'Password is incorrect',
  );
}

async function recordFailure(rateLimits: AuthRateLimits, email: string): Promise<void> {
  // A rejection here only means the budget just ran out; the next attempt will get the 429.
  await rateLimits.signInFailuresByEmail.consume(email).catch(() => undefined);
}
