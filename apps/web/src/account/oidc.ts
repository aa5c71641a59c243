/**
 * Sign-in with OpenID Connect issuers (docs/decisions/0027-openid-connect.md). Starting is a
 * browser navigation to the server (which redirects to the issuer and back), never a fetch; the
 * server comes back to /sign-in or /settings with a code in the query, turned into a sentence here.
 */
import { useEffect, useState } from 'react';
import { answer, client } from '../api/client';
import type { MessageId } from '../i18n/i18n';

export interface OidcProvider {
  id: string;
  name: string;
}

export interface OidcIdentity {
  id: string;
  providerId: string;
  providerName: string;
  email: string | null;
  createdAt: string;
}

export const oidcApi = {
  providers: (): Promise<{ providers: OidcProvider[] }> =>
    answer(client.GET('/api/v1/auth/oidc/providers')),
  identities: (): Promise<{ hasPassword: boolean; identities: OidcIdentity[] }> =>
    answer(client.GET('/api/v1/auth/oidc/identities')),
  unlink: (id: string): Promise<void> =>
    answer(client.DELETE('/api/v1/auth/oidc/identities/{id}', { params: { path: { id } } })),
  /** Sets the first password of an account made by an issuer (no current password to give). */
  setPassword: (newPassword: string): Promise<void> =>
    answer(client.POST('/api/v1/auth/change-password', { body: { newPassword } })),
};

/** Where a "Continue with …" or "Connect" button goes. */
export function oidcStartHref(
  providerId: string,
  options: { intent?: 'link'; invite?: string } = {},
): string {
  const query = new URLSearchParams();
  if (options.intent) query.set('intent', options.intent);
  if (options.invite) query.set('invite', options.invite);
  const search = query.toString();
  return `/api/v1/auth/oidc/${encodeURIComponent(providerId)}/start${search ? `?${search}` : ''}`;
}

/** The configured issuers; empty while loading and when none (the buttons are simply absent). */
export function useOidcProviders(): OidcProvider[] {
  const [providers, setProviders] = useState<OidcProvider[]>([]);
  useEffect(() => {
    let live = true;
    oidcApi
      .providers()
      .then((r) => live && setProviders(r.providers))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return providers;
}

/** `oidc_error` codes the server redirects with (apps/server/src/auth/oidc/redirects.ts). */
const OIDC_ERRORS: Record<string, MessageId> = {
  provider_unavailable: 'oidc.error.providerUnavailable',
  state: 'oidc.error.state',
  cancelled: 'oidc.error.cancelled',
  failed: 'oidc.error.failed',
  no_email: 'oidc.error.noEmail',
  email_unverified: 'oidc.error.emailUnverified',
  identity_in_use: 'oidc.error.identityInUse',
  signed_out: 'oidc.error.signedOut',
  signup_closed: 'auth.signUp.refused.signupClosed',
  invite_invalid: 'auth.signUp.refused.inviteInvalid',
  invite_expired: 'auth.signUp.refused.inviteExpired',
};

/** The sentence for an `oidc_error` code; an unknown code reads as a failed sign-in. */
export function oidcErrorMessage(code: string | null): MessageId | null {
  if (!code) return null;
  return OIDC_ERRORS[code] ?? 'oidc.error.failed';
}

/** A provider's display name from its id, once the list has come (the id until then). */
export function providerName(providers: OidcProvider[], id: string): string {
  return providers.find((p) => p.id === id)?.name ?? id;
}
