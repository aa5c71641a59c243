/**
 * Sign-up invites (docs/decisions/0028-sign-up-control.md): the link carries 32 random bytes
 * (base64url) and the database keeps only their SHA-256, like session and reset tokens.
 * Used by the invite routes, password sign-up and the `--invite` command line.
 */
import { INVITE_LIMITS } from '@habit-tracker/contract';
import {
  createSignupInvite,
  type Db,
  type FoundSignupInvite,
  findSignupInvite,
  type SignupInviteRow,
} from '@habit-tracker/db';
import type { Env } from '../env';
import { generateSessionToken, isWellFormedToken, sessionIdFromToken } from './session-tokens';
import type { InviteState } from './signup-policy';

const DAY_MS = 24 * 60 * 60 * 1000;

export const inviteTokenHash = sessionIdFromToken;

export function inviteLink(origin: string, token: string): string {
  return `${origin}/sign-up?invite=${encodeURIComponent(token)}`;
}

/** Makes an invite; the token (in the link) exists only in this answer. */
export async function issueInvite(
  db: Db,
  input: { createdBy: string | null; email?: string; expiresInDays?: number; maxUses?: number },
  now: Date,
  origin: string,
): Promise<{ invite: SignupInviteRow; link: string }> {
  const token = generateSessionToken();
  const invite = await createSignupInvite(db, {
    tokenHash: inviteTokenHash(token),
    createdBy: input.createdBy,
    email: input.email ?? null,
    maxUses: input.maxUses ?? 1,
    expiresAt: new Date(
      now.getTime() + (input.expiresInDays ?? INVITE_LIMITS.defaultExpiryDays) * DAY_MS,
    ),
  });
  return { invite, link: inviteLink(origin, token) };
}

/** What an invite found by its token means for a sign-up with `email` at `now`. */
export function inviteState(
  found: FoundSignupInvite | null,
  email: string,
  now: Date,
): InviteState {
  if (!found) return 'invalid';
  if (found.email !== null && found.email !== email) return 'invalid';
  if (found.uses >= found.maxUses || found.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

/** Looks the request's invite token (if any) up: its hash and state. */
export async function checkInvite(
  db: Db,
  token: string | undefined,
  email: string,
  now: Date,
): Promise<{ state: InviteState; tokenHash: string | null }> {
  if (token === undefined || token === '') return { state: 'none', tokenHash: null };
  if (!isWellFormedToken(token)) return { state: 'invalid', tokenHash: null };
  const tokenHash = inviteTokenHash(token);
  return { state: inviteState(await findSignupInvite(db, tokenHash), email, now), tokenHash };
}

export function isAdmin(env: Env, email: string): boolean {
  return env.ADMIN_EMAILS.includes(email.toLowerCase());
}
