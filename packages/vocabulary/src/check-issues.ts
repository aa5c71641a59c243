/**
 * The `code` of a `validation_failed` issue found by the server's own checks, made after the
 * request's schema passed (docs/api.md, "Errors"): what the web app phrases in the reader's
 * language instead of the English `message`. Issues found by the schema carry zod's codes
 * (`too_small`, `too_big`…); a check that says the same thing reuses them (a date range longer
 * than allowed is `too_big` with `maximum` and `origin: "days"`).
 */
export const CHECK_ISSUE_CODES = [
  /** A field the schema leaves optional that this request needs (the current password). */
  'required',
  /** A new password the policy refuses; `rule` says which (PASSWORD_RULES). */
  'password_rule',
  /** The password typed to confirm an account change is not the account's. */
  'password_incorrect',
  /** The email typed to confirm deleting an account without a password is not the account's. */
  'confirm_email_mismatch',
  /** A range whose start is after its end (`from` after `to`). */
  'date_order',
  /** The user has as many of something as anyone may (`maximum`): remove one first. */
  'limit_reached',
  /** An id that names nothing of the user's (a group, a habit). */
  'unknown_reference',
  /** A list that must name every one of something exactly once (a layout, an order). */
  'exactly_once',
  /** A push subscription whose endpoint is not a known browser push service. */
  'push_endpoint_unknown',
  /** Running an import that has not been previewed. */
  'import_not_previewed',
  /** A check-in with an amount it cannot have (a yes/no habit, a skipped day). */
  'value_not_allowed',
  /** A numeric habit's done check-in without its amount. */
  'value_required',
  /** A note-only day with an amount, or without its note. */
  'note_only',
] as const;

export type CheckIssueCode = (typeof CHECK_ISSUE_CODES)[number];

/**
 * The rules of the password policy (@habit-tracker/contract/password-policy), in its order: the
 * `rule` of a `password_rule` issue.
 */
export const PASSWORD_RULES = [
  'too_short',
  'too_long',
  'repeats',
  'sequence',
  'email',
  'common',
] as const;

export type PasswordRule = (typeof PASSWORD_RULES)[number];
