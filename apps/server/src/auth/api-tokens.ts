/**
 * Personal API token secrets (docs/decisions/0024-personal-api-tokens.md): `ht_` and 32 random
 * bytes in base64url. The prefix lets secret scanners (and people) recognise a leaked one; the
 * database keeps only the SHA-256, like session tokens (session-tokens.ts), so a leaked database
 * or replica holds nothing that works as a token. No salt or slow hash is needed: the secret has
 * 256 bits of entropy, nothing to guess.
 */
import { createHash, randomBytes } from 'node:crypto';

export const API_TOKEN_PREFIX = 'ht_';

export function generateApiTokenSecret(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function apiTokenHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Rejects values that cannot be one of our secrets before spending a query on them. */
export function isWellFormedApiToken(secret: string): boolean {
  return /^ht_[A-Za-z0-9_-]{43}$/.test(secret);
}

/**
 * The credentials of an `Authorization: Bearer …` header (possibly malformed: the caller checks),
 * or undefined when there is no header or it names another scheme.
 */
export function bearerSecret(header: string | undefined): string | undefined {
  const match = /^bearer(?:\s+(.*))?$/i.exec(header?.trim() ?? '');
  return match ? (match[1] ?? '') : undefined;
}
