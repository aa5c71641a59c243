/**
 * The session cookie's name: `__Host-ht_session` in production (the lab runs its servers so),
 * `ht_session` elsewhere — as apps/server/src/auth/cookies.ts names it.
 */
export function sessionCookieName(production: boolean): string {
  return production ? '__Host-ht_session' : 'ht_session';
}
