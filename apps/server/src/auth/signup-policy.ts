/**
 * Who may create an account (docs/decisions/0028-sign-up-control.md). Pure: the caller looks the
 * invite up and says what it found; this decides. Password sign-up (routes/auth) and OpenID
 * Connect sign-in (`createAccountFromOidc`) both ask here, so the two cannot disagree.
 */
import type { SignupMode } from '@habit-tracker/contract';

export type { SignupMode };

/**
 * What the caller found for the invite token that came with the request:
 * `none` (no token), `valid`, `invalid` (not ours, revoked, or bound to another email),
 * `expired` (ours, but past its expiry or used up).
 */
export type InviteState = 'none' | 'valid' | 'invalid' | 'expired';

export type SignupRefusal = 'signup_closed' | 'invite_invalid' | 'invite_expired';

export type SignupDecision =
  | {
      allowed: true /** Spend one use of the invite, in the transaction that creates the user. */;
      consumeInvite: boolean;
    }
  | { allowed: false; code: SignupRefusal };

export function mayCreateAccount(
  mode: SignupMode,
  request: { via: 'password' | 'oidc'; invite: InviteState },
): SignupDecision {
  switch (mode) {
    case 'open':
      // An invite changes nothing on an open server: it is neither needed nor spent.
      return { allowed: true, consumeInvite: false };
    case 'oidc-only':
      // The provider decides who has an identity; a password account is never made here.
      return request.via === 'oidc'
        ? { allowed: true, consumeInvite: false }
        : { allowed: false, code: 'signup_closed' };
    case 'invite':
      // Closed for every way in: a new account through the provider needs an invite too.
      switch (request.invite) {
        case 'valid':
          return { allowed: true, consumeInvite: true };
        case 'none':
          return { allowed: false, code: 'signup_closed' };
        case 'invalid':
          return { allowed: false, code: 'invite_invalid' };
        case 'expired':
          return { allowed: false, code: 'invite_expired' };
      }
  }
}
