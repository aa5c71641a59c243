/**
 * Session tokens, after the Lucia v3 guide: the cookie carries 32 random bytes (base64url) and
 * the database stores only their SHA-256, so a leaked database (or backup, or replica) holds no
 * token that could be replayed as a live session.
 */
import { createHash, randomBytes } from 'node:crypto';

export function generateSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionIdFromToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Rejects cookie values that cannot be one of our tokens before spending a query on them. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function sessionExpiry(now: Date, ttlDays: number): Date {
  return new Date(now.getTime() + ttlDays * DAY_MS);
}

/**
 * Sessions slide forward only once more than half their lifetime has passed, and only on
 * state-changing requests (see docs/decisions/0002-auth-and-sessions.md): reads never write.
 */
export function shouldExtendSession(expiresAt: Date, now: Date, ttlDays: number): boolean {
  return expiresAt.getTime() - now.getTime() < (ttlDays * DAY_MS) / 2;
}
