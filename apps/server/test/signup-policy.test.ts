/** The sign-up policy, case by case: every mode × way in × invite state. */
import { describe, expect, it } from 'vitest';
import { type InviteState, mayCreateAccount } from '../src/auth/signup-policy';

const STATES: InviteState[] = ['none', 'valid', 'invalid', 'expired'];

describe('mayCreateAccount', () => {
  it('open: anyone, by either way, and an invite is never spent', () => {
    for (const via of ['password', 'oidc'] as const) {
      for (const invite of STATES) {
        expect(mayCreateAccount('open', { via, invite })).toEqual({
          allowed: true,
          consumeInvite: false,
        });
      }
    }
  });

  it('oidc-only: the provider may create accounts, a password sign-up never (invite or not)', () => {
    for (const invite of STATES) {
      expect(mayCreateAccount('oidc-only', { via: 'oidc', invite })).toEqual({
        allowed: true,
        consumeInvite: false,
      });
      expect(mayCreateAccount('oidc-only', { via: 'password', invite })).toEqual({
        allowed: false,
        code: 'signup_closed',
      });
    }
  });

  it('invite: only a valid invite opens the door, by either way, and it is spent', () => {
    for (const via of ['password', 'oidc'] as const) {
      expect(mayCreateAccount('invite', { via, invite: 'valid' })).toEqual({
        allowed: true,
        consumeInvite: true,
      });
      expect(mayCreateAccount('invite', { via, invite: 'none' })).toEqual({
        allowed: false,
        code: 'signup_closed',
      });
      expect(mayCreateAccount('invite', { via, invite: 'invalid' })).toEqual({
        allowed: false,
        code: 'invite_invalid',
      });
      expect(mayCreateAccount('invite', { via, invite: 'expired' })).toEqual({
        allowed: false,
        code: 'invite_expired',
      });
    }
  });
});
