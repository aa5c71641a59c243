import { LIMITS } from '@habit-tracker/vocabulary';
import { useEffect, useId, useMemo, useState } from 'react';
import { ApiError, api } from '../api/client';
import { type MessageId, T, useT } from '../i18n/i18n';
import { Link, useLocation } from '../router';
import { TimeZonePicker } from '../settings/time-zone-picker';
import { InputField } from '../shared/components/field';
import { FormError } from '../shared/components/form-error';
import { fieldErrors, friendlyError } from '../shared/lib/errors';
import { usePasswordProblem } from '../shared/lib/password-check';
import { useHeadingFocus } from '../shared/lib/use-heading-focus';
import { afterSignIn, detectCalendar } from './account';
import { oidcErrorMessage, oidcStartHref, providerName, useOidcProviders } from './oidc';
import { isCancelled, passkeysSupported, signInWithPasskey } from './passkeys';

type SignupMode = 'open' | 'invite' | 'oidc-only';

/** A refused sign-up (docs/api.md, "Sign-up"), in the reader's language. */
const REFUSALS: Record<string, MessageId> = {
  signup_closed: 'auth.signUp.refused.signupClosed',
  invite_invalid: 'auth.signUp.refused.inviteInvalid',
  invite_expired: 'auth.signUp.refused.inviteExpired',
};

/** Who may sign up here; null until the server has said (a failure reads as open: it decides). */
function useSignupMode(): SignupMode | null {
  const [mode, setMode] = useState<SignupMode | null>(null);
  useEffect(() => {
    let live = true;
    api
      .signupMode()
      .then((r) => live && setMode(r.mode))
      .catch(() => live && setMode('open'));
    return () => {
      live = false;
    };
  }, []);
  return mode;
}

export default function AuthScreen({ mode }: { mode: 'sign-in' | 'sign-up' }) {
  const signUp = mode === 'sign-up';
  const t = useT();
  const heading = useHeadingFocus<HTMLHeadingElement>(
    signUp ? t('auth.signUp.title') : t('auth.signIn.documentTitle'),
  );
  const { search } = useLocation();
  const next = search.get('next');
  const invite = search.get('invite') || undefined;
  const signupMode = useSignupMode();
  const providers = useOidcProviders();
  // Where an OpenID Connect sign-in came back with a problem, or with an identity to link.
  const oidcError = oidcErrorMessage(search.get('oidc_error'));
  const oidcLink = search.get('oidc_link');
  const detected = useMemo(detectCalendar, []);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [timeZone, setTimeZone] = useState(detected.timeZone);
  const [changingZone, setChangingZone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const id = useId();
  const passwordProblem = usePasswordProblem(signUp ? password : '', email);

  async function submit() {
    if (signUp && passwordProblem) {
      setFields({ password: passwordProblem });
      return;
    }
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const me = signUp
        ? await api.signUp({
            email,
            password,
            timeZone,
            weekStart: detected.weekStart,
            ...(invite ? { invite } : {}),
          })
        : await api.signIn({ email, password });
      await afterSignIn(me, next);
    } catch (e) {
      const refusal = e instanceof ApiError ? REFUSALS[e.code] : undefined;
      setError(refusal ? t(refusal) : friendlyError(e));
      setFields(fieldErrors(e));
    } finally {
      setBusy(false);
    }
  }

  async function passkeySignIn() {
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await afterSignIn(await signInWithPasskey(), next);
    } catch (e) {
      setError(isCancelled(e) ? t('passkeys.cancelled') : friendlyError(e));
    } finally {
      setBusy(false);
    }
  }

  const otherHref = `${signUp ? '/sign-in' : '/sign-up'}${next ? `?next=${encodeURIComponent(next)}` : ''}`;
  // A closed server has no password sign-up form: it says how accounts are made instead.
  const closedBecause: MessageId | null = !signUp
    ? null
    : signupMode === 'oidc-only'
      ? 'auth.signUp.oidcOnly'
      : signupMode === 'invite' && !invite
        ? 'auth.signUp.byInvitation'
        : null;
  if (signUp && (signupMode === null || closedBecause)) {
    return (
      <div className="screen auth-screen">
        <div className="card auth-card" aria-busy={signupMode === null || undefined}>
          <h1 ref={heading} tabIndex={-1}>
            {t('auth.signUp.title')}
          </h1>
          {closedBecause ? (
            <>
              <p className="subtitle" data-testid="signup-closed">
                {t(closedBecause)}
              </p>
              <p className="auth-switch">
                <T
                  id={signupMode === 'oidc-only' ? 'auth.signUp.toProvider' : 'auth.signUp.switch'}
                  values={{ link: (chunks) => <Link to={otherHref}>{chunks}</Link> }}
                />
              </p>
            </>
          ) : null}
        </div>
      </div>
    );
  }
  return (
    <div className="screen auth-screen">
      <div className="card auth-card">
        <h1 ref={heading} tabIndex={-1}>
          {signUp ? t('auth.signUp.title') : t('auth.signIn.title')}
        </h1>
        <p className="subtitle">
          {signUp
            ? invite
              ? t('auth.signUp.invited')
              : t('auth.signUp.subtitle')
            : t('auth.signIn.subtitle')}
        </p>
        {!signUp && oidcLink ? (
          <p className="notice" role="status" data-testid="oidc-link">
            {t('oidc.link.pending', { provider: providerName(providers, oidcLink) })}
          </p>
        ) : null}
        {oidcError ? (
          <p className="form-error" role="alert" data-testid="oidc-error">
            {t(oidcError)}
          </p>
        ) : null}
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <InputField
            label={t('account.email')}
            error={fields.email}
            className="input"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <div className="field">
            <label className="label" htmlFor={`${id}-password`}>
              {t('account.password')}
            </label>
            <div className="input-with-button">
              <input
                id={`${id}-password`}
                className="input"
                type={showPassword ? 'text' : 'password'}
                autoComplete={signUp ? 'new-password' : 'current-password'}
                required
                minLength={signUp ? LIMITS.passwordMin : 1}
                value={password}
                aria-invalid={fields.password ? true : undefined}
                aria-describedby={`${id}-password-hint`}
                onChange={(e) => {
                  setPassword(e.target.value);
                  // A refusal was about the old password; the live hint speaks for the new one.
                  if (fields.password) setFields(({ password: _, ...rest }) => rest);
                }}
              />
              <button
                type="button"
                className="button button-ghost button-small"
                aria-pressed={showPassword}
                onClick={() => setShowPassword((s) => !s)}
              >
                <T
                  id={showPassword ? 'account.password.hide' : 'account.password.show'}
                  values={{ sr: (chunks) => <span className="sr-only">{chunks}</span> }}
                />
              </button>
            </div>
            <p className="hint" id={`${id}-password-hint`}>
              {fields.password ??
                (signUp
                  ? (passwordProblem ?? t('account.password.hint', { min: LIMITS.passwordMin }))
                  : '')}
            </p>
            {signUp ? null : (
              <p className="forgot-password">
                <Link to="/forgot-password">{t('auth.signIn.forgot')}</Link>
              </p>
            )}
          </div>
          {signUp ? (
            <div className="field">
              <span className="label" id={`${id}-tz-label`}>
                {t('auth.signUp.timeZone')}
              </span>
              {changingZone ? (
                <TimeZonePicker
                  value={timeZone}
                  onChange={setTimeZone}
                  labelledBy={`${id}-tz-label`}
                />
              ) : (
                <p className="tz-confirm">
                  <span data-testid="detected-zone">{timeZone.replaceAll('_', ' ')}</span>
                  <span className="hint"> {t('auth.signUp.timeZoneDetected')}</span>{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setChangingZone(true)}
                  >
                    {t('auth.signUp.timeZoneChange')}
                  </button>
                </p>
              )}
            </div>
          ) : null}
          <FormError error={error} />
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {busy
              ? signUp
                ? t('auth.signUp.busy')
                : t('auth.signIn.busy')
              : signUp
                ? t('auth.signUp.submit')
                : t('auth.signIn.submit')}
          </button>
        </form>
        {!signUp && passkeysSupported() ? (
          <div className="auth-passkey">
            <p className="hint">{t('passkeys.or')}</p>
            <button
              type="button"
              className="button button-block"
              disabled={busy}
              onClick={() => void passkeySignIn()}
            >
              {t('passkeys.signIn')}
            </button>
          </div>
        ) : null}
        {providers.length > 0 ? (
          <div className="auth-oidc" data-testid="oidc-providers">
            {!signUp && passkeysSupported() ? null : <p className="hint">{t('passkeys.or')}</p>}
            {providers.map((p) => (
              <a
                key={p.id}
                className="button button-block"
                href={oidcStartHref(p.id, signUp && invite ? { invite } : {})}
              >
                {t('oidc.continueWith', { provider: p.name })}
              </a>
            ))}
          </div>
        ) : null}
        {/* No sign-up link where no password account can be made. */}
        {!signUp && signupMode === 'oidc-only' ? null : (
          <p className="auth-switch">
            <T
              id={signUp ? 'auth.signUp.switch' : 'auth.signIn.switch'}
              values={{ link: (chunks) => <Link to={otherHref}>{chunks}</Link> }}
            />
          </p>
        )}
      </div>
    </div>
  );
}
