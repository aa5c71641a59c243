/**
 * Which passwords are refused, per NIST SP 800-63B (§5.1.1.2, "memorized secrets"): at least 8
 * characters and up to 256 (long passphrases welcome), no rules about character classes — and
 * never one that is known to be common or breached, a run of one character or a keyboard or
 * alphabet sequence, or the account's own email. The list of common and breached passwords is
 * zxcvbn-ts's (@zxcvbn-ts/language-common, ~49,000 from real breach corpora, ranked).
 *
 * Shared by the server (the rule) and the web app (saying so before submit). No zod here, and the
 * list is big (~200 KB gzip): the web app loads this module lazily, only on the forms that set a
 * password; the server loads it on the first sign-up or password change.
 */

import { LIMITS, type PasswordRule } from '@habit-tracker/vocabulary';
import { dictionary } from '@zxcvbn-ts/language-common';

let common: Set<string> | undefined;

/** Lower-cased; only those that could pass the length rule are worth keeping. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    dictionary['passwords-common']
      .filter((p) => p.length >= LIMITS.passwordMin)
      .map((p) => p.toLowerCase()),
  );
  return common;
}

const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  'qwertyuiopasdfghjklzxcvbnm',
  'qwertzuiopasdfghjklyxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
];

/** "aaaaaaaa", "        ", "abababab", "123123123": one short unit repeated. */
function isRepetition(text: string): boolean {
  for (let unit = 1; unit <= 3; unit++) {
    if (text.length >= unit * 3 && text === text.slice(0, unit).repeat(text.length / unit)) {
      return true;
    }
  }
  return false;
}

/** "abcdefgh", "87654321", "qwertyui": a stretch of the alphabet, digits or a keyboard row. */
function isSequence(text: string): boolean {
  return SEQUENCES.some((s) => s.includes(text) || s.split('').reverse().join('').includes(text));
}

export interface PasswordContext {
  /** The account's email: neither it nor its name part may be the password. */
  email?: string;
}

/**
 * Which rule a password breaks: what the web app turns into a sentence in the user's language,
 * and the `rule` of the server's `password_rule` issue (the vocabulary's PASSWORD_RULES).
 */
export type PasswordProblemKind = PasswordRule;

/** The rule `password` breaks, or null; the order is passwordProblem's. */
export function passwordProblemKind(
  password: string,
  context: PasswordContext = {},
): PasswordProblemKind | null {
  if (password.length < LIMITS.passwordMin) return 'too_short';
  if (password.length > LIMITS.passwordMax) return 'too_long';
  const lower = password.toLowerCase();
  const trimmed = lower.trim();
  if (trimmed === '' || isRepetition(lower) || isRepetition(trimmed)) return 'repeats';
  if (isSequence(lower) || isSequence(trimmed)) return 'sequence';
  const email = context.email?.trim().toLowerCase();
  if (email && (trimmed === email || trimmed === email.split('@')[0])) return 'email';
  if (commonPasswords().has(lower) || commonPasswords().has(trimmed)) return 'common';
  return null;
}

const PROBLEMS: Record<PasswordProblemKind, string> = {
  too_short: `Use at least ${LIMITS.passwordMin} characters; a few words together make a strong, memorable password`,
  too_long: `Use at most ${LIMITS.passwordMax} characters`,
  repeats: 'This password repeats the same characters; choose something harder to guess',
  sequence:
    'This password is a sequence of letters, digits or keys; choose something harder to guess',
  email: 'Your password cannot be your email address',
  common:
    'This password is one of the most common ones and appears in lists of leaked passwords; choose another',
};

/**
 * Why `password` is refused, in words for the person choosing it (English: the server's answer);
 * null when it is fine. The length limits are the vocabulary's (schemas.ts checks them too) and
 * are checked here as well, so a form can say all of it before submit.
 */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  const kind = passwordProblemKind(password, context);
  return kind ? PROBLEMS[kind] : null;
}

/** The English sentence for a rule (the server's `message` beside the rule it names). */
export const passwordRuleMessage = (rule: PasswordProblemKind): string => PROBLEMS[rule];
