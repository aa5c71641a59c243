/**
 * Passkeys in the browser (docs/decisions/0026-passkeys.md): the server's options go to
 * @simplewebauthn/browser, which calls navigator.credentials and returns the JSON the server
 * verifies. Adding needs a session; signing in needs none.
 */
import type { PasskeyDto } from '@habit-tracker/contract';
import {
  browserSupportsWebAuthn,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
} from '@simplewebauthn/browser';
import { answer, client, type Me } from '../api/client';

export const passkeysSupported = (): boolean => browserSupportsWebAuthn();

export const passkeysApi = {
  list: (): Promise<{ passkeys: PasskeyDto[] }> => answer(client.GET('/api/v1/auth/passkeys')),
  rename: (id: string, name: string): Promise<PasskeyDto> =>
    answer(
      client.PATCH('/api/v1/auth/passkeys/{id}', { params: { path: { id } }, body: { name } }),
    ),
  remove: (id: string): Promise<void> =>
    answer(client.DELETE('/api/v1/auth/passkeys/{id}', { params: { path: { id } } })),
};

/** Asks this device for a new passkey and registers it under `name`. */
export async function addPasskey(name: string): Promise<PasskeyDto> {
  const options = await answer(client.POST('/api/v1/auth/passkeys/registration/options'));
  const credential = await startRegistration({
    optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON,
  });
  return answer(
    client.POST('/api/v1/auth/passkeys/registration/verify', {
      body: { name: name.trim() || undefined, credential: withoutExtensions(credential) },
    }),
  );
}

/** Lets the browser offer the passkeys it holds for this site, and signs in with the chosen one. */
export async function signInWithPasskey(): Promise<Me> {
  const options = await answer(client.POST('/api/v1/auth/passkeys/authentication/options'));
  const credential = await startAuthentication({
    optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON,
  });
  return answer(
    client.POST('/api/v1/auth/passkeys/authentication/verify', {
      body: { credential: withoutExtensions(credential) },
    }),
  );
}

/** We ask for no extensions, so their results carry nothing the server reads. */
function withoutExtensions<T extends { clientExtensionResults: unknown }>(credential: T) {
  return { ...credential, clientExtensionResults: {} };
}

/** The person closed the browser's dialog, or it timed out: not an error worth a red box. */
export function isCancelled(error: unknown): boolean {
  return (
    error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError')
  );
}
