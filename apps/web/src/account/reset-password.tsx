/**
 * The page an emailed reset link opens (`/reset-password?token=…`): a new password, told against
 * the sign-up rules while typing. Afterwards every session has ended, this browser's too, so it
 * goes to sign in — where the browser's password manager also sees the new password used.
 */
import { LIMITS } from '@habit-tracker/vocabulary';
import { useState } from 'react';
import { api } from '../api/client';
import { T, useT } from '../i18n/i18n';
import { Link, navigate, useLocation } from '../router';
import { PasswordField } from '../shared/components/field';
import { FormError } from '../shared/components/form-error';
import { toast } from '../shared/components/toast';
import { usePasswordProblem } from '../shared/lib/password-check';
import { useHeadingFocus } from '../shared/lib/use-heading-focus';
import { useMutation } from '../shared/lib/use-mutation';
import { sessionStore } from './session';

export default function ResetPasswordScreen() {
  const t = useT();
  const heading = useHeadingFocus<HTMLHeadingElement>(t('reset.title'));
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
      toast(t('reset.done'));
      navigate('/sign-in', { replace: true });
    }
  }

  return (
    <div className="screen auth-screen">
      <div className="card auth-card">
        <h1 ref={heading} tabIndex={-1}>
          {t('reset.title')}
        </h1>
        {token === '' ? (
          <p role="alert">
            <T
              id="reset.incomplete"
              values={{ link: (chunks) => <Link to="/forgot-password">{chunks}</Link> }}
            />
          </p>
        ) : (
          <>
            <p className="subtitle">{t('reset.subtitle')}</p>
            <form
              className="form"
              onSubmit={(e) => {
                e.preventDefault();
                void submit();
              }}
            >
              <PasswordField
                label={t('reset.newPassword')}
                autoComplete="new-password"
                required
                minLength={LIMITS.passwordMin}
                value={password}
                onChange={(e) => {
                  setPassword(e.target.value);
                  if (confirm.fields.password) confirm.reset();
                }}
                error={confirm.fields.password}
                hint={problem ?? t('account.password.hint', { min: LIMITS.passwordMin })}
              />
              <FormError error={confirm.error} />
              <button
                type="submit"
                className="button button-primary button-block"
                disabled={confirm.busy}
              >
                {confirm.busy ? t('reset.busy') : t('reset.submit')}
              </button>
            </form>
            {confirm.error ? (
              <p className="auth-switch">
                <T
                  id="reset.notWorking"
                  values={{ link: (chunks) => <Link to="/forgot-password">{chunks}</Link> }}
                />
              </p>
            ) : null}
          </>
        )}
        <p className="auth-switch">
          <Link to="/sign-in">{t('reset.backToSignIn')}</Link>
        </p>
      </div>
    </div>
  );
}
