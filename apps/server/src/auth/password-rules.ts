import { validationFailed } from '../errors';

/** The policy brings a list of ~49,000 passwords: loaded on the first account, not at start. */
const loadPasswordPolicy = () => import('@habit-tracker/contract/password-policy');

/** Throws 422 `validation_failed` on `field`, saying why, for a password the policy refuses. */
export async function assertAcceptablePassword(password: string, email: string, field: string) {
  const { passwordProblem } = await loadPasswordPolicy();
  const problem = passwordProblem(password, { email });
  if (problem) throw validationFailed([{ path: field, message: problem }], problem);
}
