import { checkFailed } from '../errors';

/** The policy brings a list of ~49,000 passwords: loaded on the first account, not at start. */
const loadPasswordPolicy = () => import('@habit-tracker/contract/password-policy');

/** Throws 422 `validation_failed` on `field`, saying why, for a password the policy refuses. */
export async function assertAcceptablePassword(password: string, email: string, field: string) {
  const { passwordProblemKind, passwordRuleMessage } = await loadPasswordPolicy();
  const rule = passwordProblemKind(password, { email });
  if (rule) {
    const message = passwordRuleMessage(rule);
    throw checkFailed(field, 'password_rule', message, { rule }, message);
  }
}
