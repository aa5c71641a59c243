import { PASSKEY_LIMITS } from '@habit-tracker/contract';
import * as db from '@habit-tracker/db';
import type { RouteHandler } from '@hono/zod-openapi';
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { writeSessionCookie } from '../../auth/cookies';
import { RP_NAME, relyingParty } from '../../auth/relying-party';
import { storeNewSession } from '../../auth/session-start';
import { rememberDevice } from '../../auth/trusted-devices';
import type { AppEnv, AuthedEnv } from '../../context';
import { toMe, toPasskey } from '../../dto/rows';
import { AppError, checkFailed, notFound } from '../../errors';
import type * as routes from './passkeys.routes';

/** How long a ceremony may take between its options and its verify. */
const CHALLENGE_MS = 5 * 60 * 1000;
const DEFAULT_NAME = 'Passkey';

export const listPasskeys: RouteHandler<typeof routes.listPasskeys, AuthedEnv> = async (c) => {
  const rows = await db.listPasskeys(c.var.db.read, c.var.user.id);
  c.header('Cache-Control', 'no-store');
  return c.json({ passkeys: rows.map(toPasskey) }, 200);
};

export const registrationOptions: RouteHandler<
  typeof routes.registrationOptions,
  AuthedEnv
> = async (c) => {
  const { env, clock } = c.var.deps;
  const { user } = c.var;
  const { rpID } = relyingParty(c, env);
  const existing = await db.listPasskeyCredentials(c.var.db.write, user.id);
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID,
    userName: user.email,
    // The user handle the authenticator keeps: the account's id, never its email.
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    timeout: CHALLENGE_MS,
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  const now = clock();
  await c.var.db.transaction((tx) =>
    db.createWebauthnChallenge(
      tx,
      {
        challenge: options.challenge,
        purpose: 'registration',
        userId: user.id,
        expiresAt: new Date(now.getTime() + CHALLENGE_MS),
      },
      now,
    ),
  );
  c.header('Cache-Control', 'no-store');
  return c.json(options, 200);
};

export const registrationVerify: RouteHandler<typeof routes.registrationVerify, AuthedEnv> = async (
  c,
) => {
  const { env, clock } = c.var.deps;
  const { user } = c.var;
  const { name, credential } = c.req.valid('json');
  const { rpID, origin } = relyingParty(c, env);
  let challenge = '';
  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verification = await verifyRegistrationResponse({
      response: credential as RegistrationResponseJSON,
      // Which challenge is checked below, where it is consumed with the write that uses it.
      expectedChallenge: (seen) => {
        challenge = seen;
        return true;
      },
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: false,
    });
  } catch (error) {
    throw passkeyInvalid(error);
  }
  if (!verification.verified) throw passkeyInvalid();
  const info = verification.registrationInfo.credential;
  const now = clock();
  let created: db.PasskeyRow | null;
  try {
    created = await c.var.db.transaction(async (tx) => {
      const live = await db.consumeWebauthnChallenge(
        tx,
        { challenge, purpose: 'registration', userId: user.id },
        now,
      );
      if (!live) throw staleChallenge();
      return db.createPasskey(
        tx,
        {
          userId: user.id,
          credentialId: info.id,
          publicKey: Buffer.from(info.publicKey).toString('base64url'),
          counter: info.counter,
          transports: info.transports ?? credential.response.transports ?? [],
          name: name ?? DEFAULT_NAME,
        },
        PASSKEY_LIMITS.perUser,
      );
    });
  } catch (error) {
    if (error instanceof db.PasskeyTakenError) {
      throw new AppError('passkey_taken', 'This passkey is already registered');
    }
    throw error;
  }
  if (!created) {
    throw checkFailed(
      '',
      'limit_reached',
      `At most ${PASSKEY_LIMITS.perUser} passkeys; remove one first`,
      { maximum: PASSKEY_LIMITS.perUser },
      'Too many passkeys',
    );
  }
  return c.json(toPasskey(created), 201);
};

export const renamePasskey: RouteHandler<typeof routes.renamePasskey, AuthedEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const { name } = c.req.valid('json');
  const row = await c.var.db.transaction((tx) => db.renamePasskey(tx, c.var.user.id, id, name));
  if (!row) throw notFound('Passkey not found');
  return c.json(toPasskey(row), 200);
};

export const deletePasskey: RouteHandler<typeof routes.deletePasskey, AuthedEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const userId = c.var.user.id;
  const deleted = await c.var.db.transaction(async (tx) => {
    const methods = await db.countSignInMethodsForUpdate(tx, userId);
    // An account an issuer made, with no password and no other identity: its last passkey stays.
    if (methods && db.isLastSignInMethod(methods)) {
      const mine = (await db.listPasskeys(tx, userId)).some((row) => row.id === id);
      if (mine) {
        throw new AppError(
          'last_sign_in_method',
          'This is the only way to sign in to this account: set a password first.',
        );
      }
    }
    return db.deletePasskey(tx, userId, id);
  });
  if (!deleted) throw notFound('Passkey not found');
  return c.body(null, 204);
};

export const authenticationOptions: RouteHandler<
  typeof routes.authenticationOptions,
  AppEnv
> = async (c) => {
  const { env, clock } = c.var.deps;
  const { rpID } = relyingParty(c, env);
  // No allowCredentials: the browser offers the discoverable passkeys it holds for this RP.
  const options = await generateAuthenticationOptions({
    rpID,
    userVerification: 'preferred',
    timeout: CHALLENGE_MS,
  });
  const now = clock();
  await c.var.db.transaction((tx) =>
    db.createWebauthnChallenge(
      tx,
      {
        challenge: options.challenge,
        purpose: 'authentication',
        userId: null,
        expiresAt: new Date(now.getTime() + CHALLENGE_MS),
      },
      now,
    ),
  );
  c.header('Cache-Control', 'no-store');
  return c.json(options, 200);
};

export const authenticationVerify: RouteHandler<
  typeof routes.authenticationVerify,
  AppEnv
> = async (c) => {
  const { env, clock } = c.var.deps;
  const { credential } = c.req.valid('json');
  const { rpID, origin } = relyingParty(c, env);
  const stored = await db.findPasskeyByCredentialId(c.var.db.write, credential.id);
  if (!stored) throw passkeyInvalid(undefined, 'This passkey is not registered here');
  let challenge = '';
  let newCounter: number;
  try {
    const verification = await verifyAuthenticationResponse({
      response: credential as AuthenticationResponseJSON,
      expectedChallenge: (seen) => {
        challenge = seen;
        return true;
      },
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: stored.credentialId,
        publicKey: Buffer.from(stored.publicKey, 'base64url'),
        counter: stored.counter,
        transports: stored.transports,
      },
      requireUserVerification: false,
    });
    if (!verification.verified) throw passkeyInvalid();
    newCounter = verification.authenticationInfo.newCounter;
  } catch (error) {
    throw error instanceof AppError ? error : passkeyInvalid(error);
  }
  const now = clock();
  const found = await c.var.db.transaction(async (tx) => {
    const live = await db.consumeWebauthnChallenge(
      tx,
      { challenge, purpose: 'authentication', userId: null },
      now,
    );
    if (!live) throw staleChallenge();
    // The counter moves only from the value this response was checked against: two sign-ins
    // racing with copies of one response cannot both pass.
    const recorded = await db.recordPasskeyUse(tx, {
      id: stored.id,
      previousCounter: stored.counter,
      newCounter,
      at: now,
    });
    if (!recorded) throw passkeyInvalid(undefined, 'This passkey was just used; try again');
    const user = await db.getUserById(tx, stored.userId);
    const settings = user && (await db.getSettings(tx, user.id));
    if (!user || !settings) throw passkeyInvalid(undefined, 'This passkey is not registered here');
    const token = await storeNewSession(tx, env, user.id, now);
    return { user, settings, token };
  });
  writeSessionCookie(c, env, found.token);
  // Like a password sign-in: this browser is now the owner's, with its own sign-in allowance.
  await rememberDevice(c, env, c.var.db.write, found.user.id, now);
  return c.json(toMe(found.user, found.settings), 200);
};

function passkeyInvalid(cause?: unknown, message = 'The passkey response did not verify') {
  // The library's reason ("Unexpected registration response origin…") helps whoever debugs a
  // client; it names nothing secret.
  const reason = cause instanceof Error ? cause.message.slice(0, 200) : undefined;
  return new AppError('passkey_invalid', reason ? `${message}: ${reason}` : message);
}

function staleChallenge() {
  return new AppError(
    'passkey_invalid',
    'This passkey request has expired or was already used; start again',
  );
}
