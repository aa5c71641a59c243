/**
 * The read-your-writes token: the primary's WAL position after a user's last write, carried by
 * the client (an httpOnly cookie, so the browser sends it to whichever region answers next; and
 * a response header for clients without cookies, which may send it back in the same header).
 * A region serves that client's reads from its replica only once the replica has replayed up to
 * it. See docs/decisions/0006-multi-region-data-routing.md.
 */
import { type Lsn, laterLsn, parseLsn } from '@habit-tracker/db';
import type { Context } from 'hono';
import { generateCookie, getCookie } from 'hono/cookie';
import type { Env } from '../env';
import { setFinalHeader } from './response-headers';

export const LSN_HEADER = 'X-Primary-Lsn';

/**
 * How long a token matters: only until every replica has replayed past it, normally well under
 * a second. A replica lagging a whole day is broken, and health says so.
 */
const TOKEN_MAX_AGE_SECONDS = 24 * 60 * 60;

export function lsnCookieName(env: Pick<Env, 'NODE_ENV'>): string {
  return env.NODE_ENV === 'production' ? '__Host-ht_lsn' : 'ht_lsn';
}

/** The latest well-formed position the request carries (cookie or header), if any. */
export function readLsnToken(c: Context, env: Pick<Env, 'NODE_ENV'>): Lsn | undefined {
  const fromCookie = getCookie(c, lsnCookieName(env));
  const fromHeader = c.req.header(LSN_HEADER);
  const valid = (text: string | undefined) =>
    parseLsn(text) === undefined ? undefined : text!.trim();
  return laterLsn(valid(fromCookie), valid(fromHeader));
}

/** Called after the write's handler has answered: headers go onto its response in place. */
export function writeLsnToken(c: Context, env: Pick<Env, 'NODE_ENV'>, lsn: Lsn): void {
  setFinalHeader(c, LSN_HEADER, lsn);
  const cookie = generateCookie(lsnCookieName(env), lsn, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: env.NODE_ENV === 'production',
    maxAge: TOKEN_MAX_AGE_SECONDS,
  });
  setFinalHeader(c, 'Set-Cookie', cookie, { append: true });
}
