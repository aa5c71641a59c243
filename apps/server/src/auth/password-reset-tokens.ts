/**
 * Password-reset tokens: the same shape as session tokens (32 random bytes, base64url, stored
 * only as their SHA-256), so a leaked database or backup holds no usable link. They live 30
 * minutes and work once (docs/decisions/0023-email-and-password-reset.md).
 */
import { generateSessionToken, isWellFormedToken, sessionIdFromToken } from './session-tokens';

export const RESET_TOKEN_LIFETIME_MINUTES = 30;

export const generateResetToken = generateSessionToken;
export const resetTokenId = sessionIdFromToken;
export const isWellFormedResetToken = isWellFormedToken;

export function resetTokenExpiry(now: Date): Date {
  return new Date(now.getTime() + RESET_TOKEN_LIFETIME_MINUTES * 60_000);
}
