/**
 * Settings → Sign-in methods (docs/decisions/0027-openid-connect.md): the OpenID Connect
 * providers linked to this account, Connect for the others (a navigation through the issuer,
 * back here with `oidc_linked` or `oidc_error`), Unlink, and — for an account an issuer made —
 * a first password, without which the last provider cannot be unlinked.
 */
import { LIMITS } from '@habit-tracker/vocabulary';
import { useEffect, useState } from 'react';
import {
  type OidcIdentity,
  oidcApi,
  oidcErrorMessage,
  oidcStartHref,
  providerName,
  useOidcProviders,
} from '../account/oidc';
import { useT } from '../i18n/i18n';
import { useLocation } from '../router';
import { ConfirmDialog } from '../shared/components/dialog';
import { PasswordField } from '../shared/components/field';
import { FormActions } from '../shared/components/form-actions';
import { FormCard } from '../shared/components/form-card';
import { FormError } from '../shared/components/form-error';
import { friendlyError } from '../shared/lib/errors';
import { usePasswordProblem } from '../shared/lib/password-check';
import { useMutation } from '../shared/lib/use-mutation';

export function SignInMethodSettings({
  email,
  onPasswordSet,
}: {
  email: string;
  /** Settings' account card offers "Change password" once there is one. */
  onPasswordSet: () => void;
}) {
  const t = useT();
  const providers = useOidcProviders();
  const { search } = useLocation();
  const [linked, setLinked] = useState<{
    hasPassword: boolean;
    identities: OidcIdentity[];
  } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [unlinking, setUnlinking] = useState<OidcIdentity | null>(null);
  const [password, setPassword] = useState('');
  const passwordProblem = usePasswordProblem(password, email);

  const reload = () =>
    oidcApi
      .identities()
      .then(setLinked)
      .catch((e) => setLoadError(friendlyError(e)));
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once, on mount.
  useEffect(() => {
    void reload();
  }, []);

  const unlink = useMutation((identity: OidcIdentity) => oidcApi.unlink(identity.id), {
    refreshToday: false,
    success: t('oidc.methods.unlinked'),
    onSuccess: () => {
      setUnlinking(null);
      void reload();
    },
  });
  const setFirstPassword = useMutation(() => oidcApi.setPassword(password), {
    refreshToday: false,
    success: t('oidc.methods.passwordSet'),
    onSuccess: () => {
      setPassword('');
      onPasswordSet();
      void reload();
    },
  });

  // Nothing to show on a server without providers, unless links remain from an earlier setup.
  if (providers.length === 0 && (linked?.identities.length ?? 0) === 0) return null;

  const justLinked = search.get('oidc_linked');
  const returnedError = oidcErrorMessage(search.get('oidc_error'));
  const linkedIds = new Set(linked?.identities.map((i) => i.providerId));
  const connectable = providers.filter((p) => !linkedIds.has(p.id));

  return (
    <FormCard title={t('oidc.methods.title')} testId="sign-in-methods-card">
      <p>{t('oidc.methods.intro')}</p>
      {justLinked ? (
        <p role="status" data-testid="oidc-linked">
          {t('oidc.methods.linked', { provider: providerName(providers, justLinked) })}
        </p>
      ) : null}
      {returnedError ? (
        <p className="form-error" role="alert" data-testid="oidc-error">
          {t(returnedError)}
        </p>
      ) : null}
      {linked && linked.identities.length > 0 ? (
        <ul className="plain-list" data-testid="identity-list">
          {linked.identities.map((identity) => (
            <li key={identity.id} className="list-row">
              <span>
                {identity.providerName}
                <span className="hint">
                  {' '}
                  ·{' '}
                  {identity.email
                    ? t('oidc.methods.metaEmail', {
                        email: identity.email,
                        date: new Date(identity.createdAt).toLocaleDateString(),
                      })
                    : t('oidc.methods.meta', {
                        date: new Date(identity.createdAt).toLocaleDateString(),
                      })}
                </span>
              </span>
              <button
                type="button"
                className="button button-small"
                aria-label={t('oidc.methods.unlinkLabel', { provider: identity.providerName })}
                onClick={() => {
                  unlink.reset();
                  setUnlinking(identity);
                }}
              >
                {t('oidc.methods.unlink')}
              </button>
            </li>
          ))}
        </ul>
      ) : linked ? (
        <p className="hint">{t('oidc.methods.none')}</p>
      ) : null}
      <FormError error={loadError} />
      {connectable.length > 0 ? (
        <div className="button-row">
          {connectable.map((p) => (
            <a key={p.id} className="button" href={oidcStartHref(p.id, { intent: 'link' })}>
              {t('oidc.methods.connect', { provider: p.name })}
            </a>
          ))}
        </div>
      ) : null}
      {linked && !linked.hasPassword ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!passwordProblem) void setFirstPassword.run();
          }}
        >
          <p className="hint" data-testid="no-password-hint">
            {t('oidc.methods.noPassword')}
          </p>
          <input type="email" autoComplete="username" value={email} readOnly hidden />
          <PasswordField
            label={t('oidc.methods.newPassword')}
            hint={
              setFirstPassword.fields.newPassword ??
              passwordProblem ??
              t('account.password.hint', { min: LIMITS.passwordMin })
            }
            autoComplete="new-password"
            required
            minLength={LIMITS.passwordMin}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <FormError error={setFirstPassword.error} />
          <FormActions>
            <button type="submit" className="button" disabled={setFirstPassword.busy || !password}>
              {setFirstPassword.busy ? t('oidc.methods.setting') : t('oidc.methods.setPassword')}
            </button>
          </FormActions>
        </form>
      ) : null}
      {unlinking ? (
        <ConfirmDialog
          title={t('oidc.methods.unlinkTitle', { provider: unlinking.providerName })}
          description={t('oidc.methods.unlinkBody', { provider: unlinking.providerName })}
          confirmLabel={t('oidc.methods.unlink')}
          danger
          busy={unlink.busy}
          error={unlink.error}
          onConfirm={() => void unlink.run(unlinking)}
          onClose={() => setUnlinking(null)}
        />
      ) : null}
    </FormCard>
  );
}
