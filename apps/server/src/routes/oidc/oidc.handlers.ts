import {
  countSignInMethodsForUpdate,
  createOidcLogin,
  createOidcPendingLink,
  deleteExpiredOidcPendingLinks,
  EmailTakenError,
  findOidcIdentity,
  findUserByEmail,
  isLastSignInMethod,
  linkOidcIdentity,
  listOidcIdentities,
  takeOidcLogin,
  unlinkOidcIdentity,
} from '@habit-tracker/db';
import type { RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import * as oidc from 'openid-client';
import { inviteTokenHash as inviteTokenHashOf } from '../../auth/invites';
import { createAccountFromOidc } from '../../auth/oidc/accounts';
import {
  LOGIN_MINUTES,
  PENDING_LINK_MINUTES,
  takeOidcCookie,
  writeOidcCookie,
} from '../../auth/oidc/cookies';
import { redirectTo, redirectUri, redirectWithError } from '../../auth/oidc/redirects';
import { completePendingLink, sessionUserId, startSession } from '../../auth/oidc/sessions';
import {
  generateSessionToken,
  isWellFormedToken,
  sessionIdFromToken,
} from '../../auth/session-tokens';
import type { SignupRefusal } from '../../auth/signup-policy';
import type { AppEnv, AuthedEnv } from '../../context';
import { AppError, notFound } from '../../errors';
import type * as routes from './oidc.routes';

const MINUTE_MS = 60_000;
const SCOPE = 'openid email profile';

export const listProviders: RouteHandler<typeof routes.listProviders, AppEnv> = (c) => {
  const providers = c.var.deps.oidc.list().map(({ id, name }) => ({ id, name }));
  return c.json({ providers }, 200);
};

function providerOr404(c: Context<AppEnv>, id: string) {
  const provider = c.var.deps.oidc.find(id);
  if (!provider) throw notFound('No such sign-in provider');
  return provider;
}

export const startOidc: RouteHandler<typeof routes.startOidc, AppEnv> = async (c) => {
  const { env, clock, logger, oidc: issuers } = c.var.deps;
  const { id } = c.req.valid('param');
  const { intent, invite } = c.req.valid('query');
  const provider = providerOr404(c, id);
  const linking = intent === 'link';
  // A sign-up invite (SIGNUP_MODE=invite) rides along with the sign-in, as its hash only; it is
  // judged and spent at the callback, and only if an account is made.
  let inviteTokenHash: string | null = null;
  if (!linking && invite !== undefined && invite !== '') {
    if (!isWellFormedToken(invite)) return redirectWithError(c, 'invite_invalid');
    inviteTokenHash = inviteTokenHashOf(invite);
  }
  const db = c.var.db.write;
  let linkUserId: string | null = null;
  if (linking) {
    linkUserId = await sessionUserId(c, db);
    if (!linkUserId) return redirectWithError(c, 'signed_out');
  }
  let config: oidc.Configuration;
  try {
    config = await issuers.configuration(provider);
  } catch (err) {
    logger.warn({ err, provider: provider.id }, 'OpenID Connect discovery failed');
    return redirectWithError(c, 'provider_unavailable', linking);
  }
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const binding = generateSessionToken();
  const now = clock();
  await createOidcLogin(
    db,
    {
      id: sessionIdFromToken(binding),
      providerId: provider.id,
      state,
      nonce,
      codeVerifier,
      linkUserId,
      inviteTokenHash,
      expiresAt: new Date(now.getTime() + LOGIN_MINUTES * MINUTE_MS),
    },
    now,
  );
  writeOidcCookie(c, env, 'login', binding);
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(c, provider.id),
    scope: SCOPE,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  c.header('Cache-Control', 'no-store');
  return c.redirect(url.href, 302);
};

export const oidcCallback: RouteHandler<typeof routes.oidcCallback, AppEnv> = async (c) => {
  const { env, clock, logger, oidc: issuers } = c.var.deps;
  const { id } = c.req.valid('param');
  const provider = providerOr404(c, id);
  const db = c.var.db.write;
  const now = clock();

  // Single use: the cookie is cleared and the row deleted whatever happens next.
  const binding = takeOidcCookie(c, env, 'login');
  const login = binding ? await takeOidcLogin(db, sessionIdFromToken(binding)) : null;
  if (!login || login.providerId !== provider.id || login.expiresAt.getTime() <= now.getTime()) {
    return redirectWithError(c, 'state');
  }
  const linking = login.linkUserId !== null;
  // Checked here too (openid-client checks it again) so a forged state has its own answer.
  if (c.req.query('state') !== login.state) return redirectWithError(c, 'state', linking);
  if (c.req.query('error') !== undefined) return redirectWithError(c, 'cancelled', linking);

  let claims: oidc.IDToken;
  let config: oidc.Configuration;
  try {
    config = await issuers.configuration(provider);
    // The URL the issuer redirected to: the registered redirect URI with this request's query.
    const current = new URL(redirectUri(c, provider.id));
    current.search = new URL(c.req.url).search;
    const tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: login.state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    const found = tokens.claims();
    if (!found) throw new Error('No ID token');
    claims = found;
  } catch (err) {
    logger.warn({ err, provider: provider.id }, 'OpenID Connect callback refused');
    return redirectWithError(c, 'failed', linking);
  }
  const issuer = claims.iss;
  const subject = claims.sub;
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null;
  const emailVerified = claims.email_verified === true;
  const identity = { providerId: provider.id, issuer, subject, email };

  const linked = await findOidcIdentity(db, issuer, subject);

  // Connecting from Settings: the account is the one that started, if it is still signed in.
  if (login.linkUserId !== null) {
    if ((await sessionUserId(c, db)) !== login.linkUserId) {
      return redirectWithError(c, 'signed_out', true);
    }
    if (linked && linked.userId !== login.linkUserId) {
      return redirectWithError(c, 'identity_in_use', true);
    }
    if (!linked) {
      const ok = await linkOidcIdentity(db, { ...identity, userId: login.linkUserId });
      if (!ok) return redirectWithError(c, 'identity_in_use', true);
    }
    return redirectTo(c, '/settings', { oidc_linked: provider.id });
  }

  // (a) A returning identity: the normal session.
  if (linked) {
    await c.var.db.transaction(async (tx) => {
      await startSession(c, tx, linked.userId);
      await completePendingLink(c, tx, linked.userId);
    });
    return redirectTo(c, '/');
  }

  if (!email) return redirectWithError(c, 'no_email');
  // An issuer that has not verified the address cannot claim it: neither a new account under
  // it nor a link to the account that has it.
  if (!emailVerified) return redirectWithError(c, 'email_unverified');

  const existing = await findUserByEmail(db, email);
  if (existing) {
    // (c) Never linked on the issuer's word alone: the owner signs in to the account first.
    const token = generateSessionToken();
    await deleteExpiredOidcPendingLinks(db, now);
    await createOidcPendingLink(db, {
      ...identity,
      email,
      id: sessionIdFromToken(token),
      userId: existing.id,
      expiresAt: new Date(now.getTime() + PENDING_LINK_MINUTES * MINUTE_MS),
    });
    writeOidcCookie(c, env, 'link', token);
    return redirectTo(c, '/sign-in', { oidc_link: provider.id });
  }

  // (b) Nobody has this email: a new account, without a password, if sign-up control allows.
  let refused: SignupRefusal | null;
  try {
    refused = await c.var.db.transaction(async (tx) => {
      const result = await createAccountFromOidc(
        tx,
        { ...identity, email },
        { mode: env.SIGNUP_MODE, inviteTokenHash: login.inviteTokenHash, now },
      );
      if ('refused' in result) return result.refused;
      await startSession(c, tx, result.created.user.id);
      return null;
    });
  } catch (error) {
    // Someone signed up with this email a moment ago: the link needs their sign-in.
    if (error instanceof EmailTakenError) return redirectWithError(c, 'failed');
    throw error;
  }
  if (refused !== null) return redirectWithError(c, refused);
  return redirectTo(c, '/');
};

export const listIdentities: RouteHandler<typeof routes.listIdentities, AuthedEnv> = async (c) => {
  const { oidc: issuers } = c.var.deps;
  const rows = await listOidcIdentities(c.var.db.read, c.var.user.id);
  c.header('Cache-Control', 'no-store');
  return c.json(
    {
      hasPassword: c.var.user.passwordHash !== null,
      identities: rows.map((row) => ({
        id: row.id,
        providerId: row.providerId,
        providerName: issuers.find(row.providerId)?.name ?? row.providerId,
        email: row.email,
        createdAt: row.createdAt.toISOString(),
      })),
    },
    200,
  );
};

export const unlinkIdentity: RouteHandler<typeof routes.unlinkIdentity, AuthedEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const userId = c.var.user.id;
  await c.var.db.transaction(async (tx) => {
    const methods = await countSignInMethodsForUpdate(tx, userId);
    if (!methods) throw notFound('Not found');
    if (isLastSignInMethod(methods)) {
      // Only a refusal when the identity is really theirs; otherwise it is simply not found.
      const mine = (await listOidcIdentities(tx, userId)).some((row) => row.id === id);
      if (mine) {
        throw new AppError(
          'last_sign_in_method',
          'This is the only way to sign in to this account: set a password or add a passkey first.',
        );
      }
    }
    if (!(await unlinkOidcIdentity(tx, userId, id))) throw notFound('Not found');
  });
  return c.body(null, 204);
};
