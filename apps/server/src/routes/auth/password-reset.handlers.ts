import {
  consumePasswordResetToken,
  deleteOtherPasswordResetTokens,
  deleteUserSessions,
  findPasswordResetToken,
  findUserByEmail,
  getSettings,
  issuePasswordResetToken,
  updatePasswordHash,
} from '@habit-tracker/db';
import type { RouteHandler } from '@hono/zod-openapi';
import {
  generateResetToken,
  isWellFormedResetToken,
  RESET_TOKEN_LIFETIME_MINUTES,
  resetTokenExpiry,
  resetTokenId,
} from '../../auth/password-reset-tokens';
import { assertAcceptablePassword } from '../../auth/password-rules';
import { hashPassword } from '../../auth/passwords';
import { consumeOrThrow } from '../../auth/rate-limits';
import type { AppEnv } from '../../context';
import { AppError } from '../../errors';
import { publicOrigin } from '../../http/public-origin';
import { localeFromAcceptLanguage } from '../../i18n/accept-language';
import { serverLocale } from '../../i18n/catalog';
import { passwordResetMessage } from '../../mail/password-reset-message';
import type * as routes from './password-reset.routes';

/** The one answer to every accepted request, whether or not the address has an account. */
export const PASSWORD_RESET_ACCEPTED =
  'If an account exists for that address, we sent a link to reset its password. It works for ' +
  `${RESET_TOKEN_LIFETIME_MINUTES} minutes.`;

export const requestPasswordReset: RouteHandler<
  typeof routes.requestPasswordReset,
  AppEnv
> = async (c) => {
  const { clock, rateLimits, mailer, database } = c.var.deps;
  const { email } = c.req.valid('json');
  if (!mailer.available) {
    throw new AppError(
      'email_unavailable',
      'This server cannot send email, so passwords cannot be reset by email. Ask whoever runs it.',
    );
  }
  await consumeOrThrow(rateLimits.passwordResetByEmail, email);
  const origin = publicOrigin(c.var.deps.env, c.req.url);
  const now = clock();
  // Read now, used only if the account has no language of its own (the asker may be signed out).
  const browserLocale = localeFromAcceptLanguage(c.req.header('accept-language'));
  // Everything that depends on whether the account exists happens after the answer: its time
  // and outcome (a database write, an SMTP conversation) cannot show in the response.
  mailer.sendSoon('password-reset', async () => {
    const db = database.primary.write;
    const user = await findUserByEmail(db, email);
    if (!user) return;
    const token = generateResetToken();
    const expiresAt = resetTokenExpiry(now);
    await issuePasswordResetToken(db, { id: resetTokenId(token), userId: user.id, expiresAt });
    const link = `${origin}/reset-password?token=${encodeURIComponent(token)}`;
    const accountLocale = (await getSettings(db, user.id))?.locale ?? null;
    await mailer.send(
      passwordResetMessage({
        to: user.email,
        link,
        lifetimeMinutes: RESET_TOKEN_LIFETIME_MINUTES,
        expiresAt,
        locale: accountLocale ? serverLocale(accountLocale) : (browserLocale ?? 'en'),
      }),
    );
  });
  return c.json({ message: PASSWORD_RESET_ACCEPTED }, 202);
};

export const confirmPasswordReset: RouteHandler<
  typeof routes.confirmPasswordReset,
  AppEnv
> = async (c) => {
  const { clock, rateLimits } = c.var.deps;
  const { token, password } = c.req.valid('json');
  if (!isWellFormedResetToken(token)) throw invalidToken();
  const id = resetTokenId(token);
  const found = await findPasswordResetToken(c.var.db.write, id);
  if (!found) throw invalidToken();
  refuseUnusable(found, clock());
  await assertAcceptablePassword(password, found.email, 'password');
  const passwordHash = await hashPassword(password);
  await c.var.db.transaction(async (tx) => {
    // Checked again where it counts: two requests racing with one link, or a link that expired
    // while the password was hashed — one statement decides, and it commits with the rest.
    const userId = await consumePasswordResetToken(tx, id, clock());
    if (userId === null) {
      const again = await findPasswordResetToken(tx, id);
      if (again) refuseUnusable(again, clock());
      throw invalidToken();
    }
    await updatePasswordHash(tx, userId, passwordHash);
    await deleteOtherPasswordResetTokens(tx, userId, id);
    // Whoever holds a session may be why the password is being reset: every one ends.
    await deleteUserSessions(tx, userId);
  });
  // The owner has shown they read this address's mail: strangers' wrong guesses at it no
  // longer stand between them and signing in from a new browser.
  await rateLimits.signInFailuresByEmail.delete(found.email);
  return c.body(null, 204);
};

function refuseUnusable(token: { usedAt: Date | null; expiresAt: Date }, now: Date): void {
  if (token.usedAt) {
    throw new AppError(
      'reset_token_expired',
      'This reset link has already been used. Ask for a new one if you need to.',
    );
  }
  if (token.expiresAt.getTime() <= now.getTime()) {
    throw new AppError('reset_token_expired', 'This reset link has expired. Ask for a new one.');
  }
}

function invalidToken(): AppError {
  return new AppError(
    'reset_token_invalid',
    'This reset link is not valid: it may be incomplete, or a newer one was sent. Ask for a new one.',
  );
}
