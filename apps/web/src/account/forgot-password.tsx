/**
 * Asks for a password-reset link. The answer reads the same whether or not the address has an
 * account (the server's rule too), so this screen cannot be used to find out who has one.
 */
import { useState } from 'react';
import { api } from '../api/client';
import { T, useT } from '../i18n/i18n';
import { Link } from '../router';
import { InputField } from '../shared/components/field';
import { FormError } from '../shared/components/form-error';
import { useHeadingFocus } from '../shared/lib/use-heading-focus';
import { useMutation } from '../shared/lib/use-mutation';

export default function ForgotPasswordScreen() {
  const t = useT();
  const heading = useHeadingFocus<HTMLHeadingElement>(t('forgot.title'));
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const request = useMutation(api.requestPasswordReset, { refreshToday: false });

  return (
    <div className="screen auth-screen">
      <div className="card auth-card">
        <h1 ref={heading} tabIndex={-1}>
          {t('forgot.title')}
        </h1>
        {sentTo ? (
          <div role="status" data-testid="reset-sent">
            <p>
              <T
                id="forgot.sent"
                values={{
                  email: sentTo,
                  minutes: 30,
                  strong: (chunks) => <strong>{chunks}</strong>,
                }}
              />
            </p>
            <p className="hint">
              <T
                id="forgot.sentHint"
                values={{
                  retry: (chunks) => (
                    <button type="button" className="link-button" onClick={() => setSentTo(null)}>
                      {chunks}
                    </button>
                  ),
                }}
              />
            </p>
          </div>
        ) : (
          <>
            <p className="subtitle">{t('forgot.subtitle')}</p>
            <form
              className="form"
              onSubmit={(e) => {
                e.preventDefault();
                void request.run({ email }).then((outcome) => {
                  if (outcome.ok) setSentTo(email.trim());
                });
              }}
            >
              <InputField
                label={t('account.email')}
                error={request.fields.email}
                className="input"
                type="email"
                autoComplete="email"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
              <FormError error={request.error} />
              <button
                type="submit"
                className="button button-primary button-block"
                disabled={request.busy}
              >
                {request.busy ? t('forgot.busy') : t('forgot.submit')}
              </button>
            </form>
          </>
        )}
        <p className="auth-switch">
          <T
            id="forgot.remembered"
            values={{ link: (chunks) => <Link to="/sign-in">{chunks}</Link> }}
          />
        </p>
      </div>
    </div>
  );
}
