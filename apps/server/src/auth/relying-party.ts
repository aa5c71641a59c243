/**
 * Who we are to WebAuthn (docs/decisions/0026-passkeys.md): the RP ID (a registrable domain the
 * passkey is bound to) and the origin the browser must report. With PUBLIC_ORIGIN set they come
 * from it, always — the request's Host or Origin could name any site. Without it (development,
 * tests) the page's own origin stands in; a production server without it has passkeys off,
 * because a passkey bound to a guessed RP ID would stop working when the guess changes.
 */
import type { Context } from 'hono';
import type { Env } from '../env';
import { AppError } from '../errors';

export const RP_NAME = 'Habit Tracker';

export interface RelyingParty {
  /** The origin's hostname: `habits.example.com`, or `localhost` in development. */
  rpID: string;
  origin: string;
}

export function relyingParty(c: Context, env: Env): RelyingParty {
  if (env.PUBLIC_ORIGIN) return fromOrigin(env.PUBLIC_ORIGIN);
  if (env.NODE_ENV === 'production') {
    throw new AppError(
      'passkeys_unavailable',
      'Passkeys are off on this server: it needs PUBLIC_ORIGIN set. Ask whoever runs it.',
    );
  }
  // The page's origin, not the URL this process was reached at: a development proxy (Vite)
  // forwards from another port. The CSRF check has already refused a foreign Origin.
  return fromOrigin(c.req.header('origin') ?? new URL(c.req.url).origin);
}

function fromOrigin(origin: string): RelyingParty {
  if (!URL.canParse(origin)) throw new AppError('passkey_invalid', 'The page has no usable origin');
  const url = new URL(origin);
  return { rpID: url.hostname, origin: url.origin };
}
