/**
 * The page an emailed reset link opens (`/reset-password?token=…`): a new password, told against
 * the sign-up rules while typing. Afterwards every session has ended, this browser's too, so it
 * goes to sign in — where the browser's password manager also sees the new password used.
 */
import { LIMITS } from '@habit-tracker/vocabulary';
import { useState } from 'react';
import { api } from '../api/client';
import { Link, navigate, useLocation } from '../router';
import { PasswordField } from '../shared/components/field';
import { FormError } from '../shared/components/form-error';
import { toast } from '../shared/components/toast';
import { usePasswordProblem } from '../shared/lib/password-check';
import { useHeadingFocus } from '../shared/lib/use-heading-focus';
import { useMutation } from '../shared/lib/use-mutation';
import { sessionStore } from './session';

export default function ResetPasswordScreen() {
  const heading = useHeadingFocus<HTMLHeadingElement>('Choose a new password');
  const { search } = useLocation();
  const token = search.get('token') ?? '';
  const [password, setPassword] = useState('');
  const problem = usePasswordProblem(password);
  const confirm = useMutation(api.confirmPasswordReset, { refreshToday: false });

  async function submit() {
    if (problem) return;
    const outcome = await confirm.run({ token, password });
    if (outcome.ok) {
      sessionStore.set({ status: 'signed-out' });
      toast('Password changed. Sign in with your new password.');
      navigate('/sign-in', { replace: true });
    }
  }

  return (
    <div className="screen auth-screen">
      <div className="card auth-card">
        <h1 ref={heading} tabIndex={-1}>
          Choose a new password
        </h1>
        {token === '' ? (
          <p role="alert">
            This link is incomplete. Open the whole link from the email, or{' '}
            <Link to="/forgot-password">ask for a new one</Link>.
          </p>
        ) : (
          <>
            <p className="subtitle">
              Setting it signs you out everywhere; then sign in with the new password.
            </p>
            <form
              className="form"
              onSubmit={(e) => {
                e.preventDefault();
                void submit();
              }}
            >
              <PasswordField
                label="New password"
                autoComplete="new-password"
                required
                minLength={LIMITS.passwordMin}
                value={password}
                onChange={(e) => {
                  setPassword(e.target.value);
                  if (confirm.fields.password) confirm.reset();
                }}
                error={confirm.fields.password}
                hint={
                  problem ??
                  `At least ${LIMITS.passwordMin} characters; a few words make a strong one.`
                }
              />
              <FormError error={confirm.error} />
              <button
                type="submit"
                className="button button-primary button-block"
                disabled={confirm.busy}
              >
                {confirm.busy ? 'Saving…' : 'Set the new password'}
              </button>
            </form>
            {confirm.error ? (
              <p className="auth-switch">
                Link not working? <Link to="/forgot-password">Ask for a new one</Link>
              </p>
            ) : null}
          </>
        )}
        <p className="auth-switch">
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </div>
    </div>
  );
}
