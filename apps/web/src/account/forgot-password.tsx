/**
 * Asks for a password-reset link. The answer reads the same whether or not the address has an
 * account (the server's rule too), so this screen cannot be used to find out who has one.
 */
import { useState } from 'react';
import { api } from '../api/client';
import { Link } from '../router';
import { InputField } from '../shared/components/field';
import { FormError } from '../shared/components/form-error';
import { useHeadingFocus } from '../shared/lib/use-heading-focus';
import { useMutation } from '../shared/lib/use-mutation';

export default function ForgotPasswordScreen() {
  const heading = useHeadingFocus<HTMLHeadingElement>('Reset your password');
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const request = useMutation(api.requestPasswordReset, { refreshToday: false });

  return (
    <div className="screen auth-screen">
      <div className="card auth-card">
        <h1 ref={heading} tabIndex={-1}>
          Reset your password
        </h1>
        {sentTo ? (
          <div role="status" data-testid="reset-sent">
            <p>
              If an account exists for <strong>{sentTo}</strong>, we sent a link to it. The link
              works once, for 30 minutes.
            </p>
            <p className="hint">
              Nothing after a few minutes? Check the spam folder, or{' '}
              <button type="button" className="link-button" onClick={() => setSentTo(null)}>
                try another address
              </button>
              .
            </p>
          </div>
        ) : (
          <>
            <p className="subtitle">
              Enter the email you signed up with, and we’ll send a link to choose a new password.
            </p>
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
                label="Email"
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
                {request.busy ? 'Sending…' : 'Send the link'}
              </button>
            </form>
          </>
        )}
        <p className="auth-switch">
          Remembered it? <Link to="/sign-in">Sign in</Link>
        </p>
      </div>
    </div>
  );
}
