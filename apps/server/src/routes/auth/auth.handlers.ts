import {
  consumeSignupInvite,
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
import type { RateLimiterMemory } from 'rate-limiter-flexible';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from '../../auth/cookies';
import { checkInvite } from '../../auth/invites';
import { completePendingLink } from '../../auth/oidc/sessions';
import { assertAcceptablePassword } from '../../auth/password-rules';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../auth/passwords';
import { assertNotExhausted } from '../../auth/rate-limits';
import { storeNewSession } from '../../auth/session-start';
import {
  generateSessionToken,
  isWellFormedToken,
  sessionExpiry,
  sessionIdFromToken,
} from '../../auth/session-tokens';
import { mayCreateAccount, type SignupMode, type SignupRefusal } from '../../auth/signup-policy';
import { rememberDevice, trustedDeviceOf } from '../../auth/trusted-devices';
import type { AppEnv, AuthedEnv } from '../../context';
import { toMe } from '../../dto/rows';
import { AppError, checkFailed } from '../../errors';
import type * as routes from './auth.routes';

export const signUp: RouteHandler<typeof routes.signUp, AppEnv> = async (c) => {
  const { env, clock } = c.var.deps;
  const { transaction, write } = c.var.db;
  const { email, password, timeZone, dayStartHour, weekStart, invite } = c.req.valid('json');
  // Refused before the password is judged or hashed: a closed server says so first.
  const found = await checkInvite(write, invite, email, clock());
  const decision = mayCreateAccount(env.SIGNUP_MODE, { via: 'password', invite: found.state });
  if (!decision.allowed) throw signupRefused(decision.code, env.SIGNUP_MODE);
  await assertAcceptablePassword(password, email, 'password');
  const passwordHash = await hashPassword(password);
  const token = generateSessionToken();
  const now = clock();
  let created: Awaited<ReturnType<typeof createUser>>;
  try {
    created = await transaction(async (tx) => {
      // Checked again where it counts: two sign-ups racing for an invite's last use, or one
      // that expired while the password was hashed — one statement decides, and it commits
      // (or rolls back) with the new account.
      if (decision.consumeInvite && found.tokenHash) {
        const spent = await consumeSignupInvite(tx, found.tokenHash, email, now);
        if (spent === null) {
          const again = await checkInvite(tx, invite, email, now);
          throw signupRefused(again.state === 'invalid' ? 'invite_invalid' : 'invite_expired');
        }
      }
      const result = await createUser(tx, {
        email,
        passwordHash,
        settings: { timeZone, dayStartHour, weekStart },
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
  await rememberDevice(c, env, write, created.user.id, now);
  return c.json(toMe(created.user, created.settings), 201);
};

const SIGNUP_REFUSALS: Record<SignupRefusal, string> = {
  signup_closed: 'This server does not take new accounts without an invitation',
  invite_invalid:
    'This invite link is not valid: it may be incomplete, revoked, or for another email',
  invite_expired: 'This invite link has expired or has already been used',
};

function signupRefused(code: SignupRefusal, mode?: SignupMode): AppError {
  if (code === 'signup_closed' && mode === 'oidc-only') {
    return new AppError(code, 'New accounts are made by signing in with the identity provider');
  }
  return new AppError(code, SIGNUP_REFUSALS[code]);
}

export const signIn: RouteHandler<typeof routes.signIn, AppEnv> = async (c) => {
  const { env, clock, rateLimits } = c.var.deps;
  const { read, write } = c.var.db;
  const { email, password } = c.req.valid('json');
  const user = await findUserByEmail(read, email);
  // A browser this account signed in from before has an allowance of its own; every other
  // browser shares the account's. So strangers exhausting theirs never lock the owner out.
  const device = user ? await trustedDeviceOf(c, env, read, user.id, clock()) : null;
  const [limiter, key] = device
    ? [rateLimits.signInFailuresByDevice, device]
    : [rateLimits.signInFailuresByEmail, email];
  await assertNotExhausted(limiter, key);

  // An unknown email costs the same hash as a known one, so timing does not reveal accounts.
  const valid = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyAgainstDummy(password);
  const settings = user && valid ? await getSettings(read, user.id) : null;
  if (!user || !settings) {
    await recordFailure(limiter, key);
    throw new AppError('invalid_credentials', 'Wrong email or password');
  }
  // Only this browser's own count is forgiven: strangers' guesses keep counting.
  if (device) await rateLimits.signInFailuresByDevice.delete(device);
  else await rememberDevice(c, env, write, user.id, clock());

  const token = await storeNewSession(write, env, user.id, clock());
  writeSessionCookie(c, env, token);
  // The owner has proved the account: an issuer identity this browser brought is linked now.
  await completePendingLink(c, write, user.id);
  return c.json(toMe(user, settings), 200);
};

export const signOut: RouteHandler<typeof routes.signOut, AppEnv> = async (c) => {
  const { env } = c.var.deps;
  const token = readSessionCookie(c, env);
  if (token && isWellFormedToken(token)) {
    await deleteSession(c.var.db.write, sessionIdFromToken(token));
  }
  clearSessionCookie(c, env);
  return c.body(null, 204);
};

export const signOutEverywhere: RouteHandler<typeof routes.signOutEverywhere, AuthedEnv> = async (
  c,
) => {
  const { env } = c.var.deps;
  await deleteUserSessions(c.var.db.write, c.var.user.id);
  clearSessionCookie(c, env);
  return c.body(null, 204);
};

export const changePassword: RouteHandler<typeof routes.changePassword, AuthedEnv> = async (c) => {
  const { currentPassword, newPassword } = c.req.valid('json');
  const { user, sessionId } = c.var;
  await assertAcceptablePassword(newPassword, user.email, 'newPassword');
  // An account made by an OpenID Connect sign-in has no password yet: this sets its first one.
  if (user.passwordHash !== null) {
    if (currentPassword === undefined) {
      throw checkFailed(
        'currentPassword',
        'required',
        'Required',
        {},
        'Enter the current password',
      );
    }
    await confirmPassword(c, currentPassword, 'currentPassword');
  }
  const passwordHash = await hashPassword(newPassword);
  await c.var.db.transaction(async (tx) => {
    await updatePasswordHash(tx, user.id, passwordHash);
    // Whoever else holds a session may be the reason for the change: they are signed out.
    await deleteUserSessions(tx, user.id, sessionId);
  });
  return c.body(null, 204);
};

export const getMe: RouteHandler<typeof routes.getMe, AuthedEnv> = (c) =>
  c.json(toMe(c.var.user, c.var.settings), 200);

export const deleteMe: RouteHandler<typeof routes.deleteMe, AuthedEnv> = async (c) => {
  const { env } = c.var.deps;
  const { password, email } = c.req.valid('json');
  const { user } = c.var;
  if (user.passwordHash !== null) {
    if (password === undefined) {
      throw checkFailed('password', 'required', 'Required', {}, 'Enter your password');
    }
    await confirmPassword(c, password, 'password');
  } else if (email !== user.email) {
    // An account an issuer made has no password to re-check: typing its email confirms intent
    // (the session is already proven; this guards against a slip, not against its holder).
    const message = "Type this account's email to confirm";
    throw checkFailed('email', 'confirm_email_mismatch', message, {}, message);
  }
  // Settings, sessions, habits, check-ins and idempotency records go with the user (cascade).
  await deleteUser(c.var.db.write, c.var.user.id);
  clearSessionCookie(c, env);
  return c.body(null, 204);
};

/**
 * Re-checks the password before a sensitive change. Failures count per session, so a stolen
 * session cannot be used to guess the password, and strangers' sign-in guesses never stop the
 * owner from changing it.
 */
async function confirmPassword(c: Context<AuthedEnv>, password: string, field: string) {
  const { rateLimits } = c.var.deps;
  const { user, sessionId } = c.var;
  const limiter = rateLimits.passwordConfirmFailuresBySession;
  await assertNotExhausted(limiter, sessionId);
  if (await verifyPassword(user.passwordHash, password)) return;
  await recordFailure(limiter, sessionId);
  throw checkFailed(
    field,
    'password_incorrect',
    'Password is incorrect',
    {},
    'Password is incorrect',
  );
}

async function recordFailure(limiter: RateLimiterMemory, key: string): Promise<void> {
  // A rejection here only means the budget just ran out; the next attempt will get the 429.
  await limiter.consume(key).catch(() => undefined);
}
