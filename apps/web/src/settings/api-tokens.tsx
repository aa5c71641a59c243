/**
 * Settings → API tokens (docs/api.md, "API tokens"): the user's personal tokens for scripts —
 * list, make one (its secret shown once, with a copy button), revoke with a confirmation.
 */
import {
  API_TOKEN_LIMITS,
  type ApiTokenDto,
  type ApiTokenInput,
  type CreatedApiTokenDto,
} from '@habit-tracker/contract';
import { useEffect, useId, useState } from 'react';
import { answer, client } from '../api/client';
import { type MessageId, T, t as translate, useT } from '../i18n/i18n';
import { ConfirmDialog } from '../shared/components/dialog';
import { Field, InputField } from '../shared/components/field';
import { FormActions } from '../shared/components/form-actions';
import { FormCard } from '../shared/components/form-card';
import { FormError } from '../shared/components/form-error';
import { toast } from '../shared/components/toast';
import { friendlyError } from '../shared/lib/errors';
import { formatInstantDate } from '../shared/lib/format';
import { useMutation } from '../shared/lib/use-mutation';

/** The contract's input, with the expiry narrowed to its choices as the OpenAPI document says. */
type NewToken = Omit<ApiTokenInput, 'expiresInDays'> & { expiresInDays: ExpiryDays | null };
type ExpiryDays = (typeof API_TOKEN_LIMITS.expiryDays)[number];

const tokensApi = {
  list: (): Promise<{ tokens: ApiTokenDto[] }> => answer(client.GET('/api/v1/tokens')),
  create: (body: NewToken): Promise<CreatedApiTokenDto> =>
    answer(client.POST('/api/v1/tokens', { body })),
  revoke: (id: string): Promise<void> =>
    answer(client.DELETE('/api/v1/tokens/{id}', { params: { path: { id } } })),
};

const SCOPE_TEXT: Record<ApiTokenDto['scope'], MessageId> = {
  read: 'tokens.scope.read',
  read_write: 'tokens.scope.readWrite',
};
const NEVER = 'never';

function day(iso: string | null): string {
  return iso ? formatInstantDate(iso) : translate('tokens.never');
}

export function ApiTokenSettings() {
  const t = useT();
  const uid = useId();
  const [tokens, setTokens] = useState<ApiTokenDto[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiTokenDto['scope']>('read');
  const [expiry, setExpiry] = useState<string>('90');
  const [created, setCreated] = useState<CreatedApiTokenDto | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenDto | null>(null);

  const reload = () =>
    tokensApi
      .list()
      .then((r) => setTokens(r.tokens))
      .catch((e) => setLoadError(friendlyError(e)));
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once, on mount.
  useEffect(() => {
    void reload();
  }, []);

  const create = useMutation(
    () =>
      tokensApi.create({
        name,
        scope,
        expiresInDays: expiry === NEVER ? null : (Number(expiry) as ExpiryDays),
      }),
    {
      refreshToday: false,
      onSuccess: (made) => {
        setCreated(made);
        setName('');
        void reload();
      },
    },
  );
  const revoke = useMutation((id: string) => tokensApi.revoke(id), {
    refreshToday: false,
    success: t('tokens.revoked'),
    onSuccess: () => {
      setRevoking(null);
      void reload();
    },
  });

  async function copy(secret: string) {
    try {
      await navigator.clipboard.writeText(secret);
      toast(t('tokens.copied'));
    } catch {
      toast(t('tokens.copyFailed'));
    }
  }

  return (
    <FormCard title={t('tokens.title')}>
      <p>{t('tokens.intro')}</p>
      {created ? (
        <div className="token-secret" role="status" data-testid="token-secret">
          <p>
            <T
              id="tokens.copyNow"
              values={{
                name: created.token.name,
                strong: (chunks) => <strong>{chunks}</strong>,
              }}
            />
          </p>
          <code className="token-secret-value">{created.secret}</code>
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              onClick={() => void copy(created.secret)}
            >
              {t('tokens.copy')}
            </button>
            <button type="button" className="button" onClick={() => setCreated(null)}>
              {t('tokens.done')}
            </button>
          </div>
        </div>
      ) : null}
      {tokens && tokens.length > 0 ? (
        <ul className="plain-list" data-testid="token-list">
          {tokens.map((token) => (
            <li key={token.id} className="list-row">
              <span>
                {token.name}
                <span className="hint">
                  {' · '}
                  {t('tokens.details', {
                    scope: t(SCOPE_TEXT[token.scope]),
                    made: day(token.createdAt),
                    expires: day(token.expiresAt),
                    lastUsed: day(token.lastUsedAt),
                  })}
                </span>
              </span>
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  revoke.reset();
                  setRevoking(token);
                }}
                aria-label={t('tokens.revokeNamed', { name: token.name })}
              >
                {t('tokens.revoke')}
              </button>
            </li>
          ))}
        </ul>
      ) : tokens ? (
        <p className="hint">{t('tokens.none')}</p>
      ) : null}
      <form
        className="form"
        aria-labelledby={`${uid}-new`}
        onSubmit={(e) => {
          e.preventDefault();
          void create.run();
        }}
      >
        <h3 className="subheading" id={`${uid}-new`}>
          {t('tokens.new')}
        </h3>
        <InputField
          label={t('tokens.name')}
          hint={t('tokens.nameHint')}
          className="input"
          required
          maxLength={API_TOKEN_LIMITS.nameMax}
          value={name}
          error={create.fields.name}
          onChange={(e) => setName(e.target.value)}
        />
        <div className="field-row">
          <Field label={t('tokens.access')} hint={t('tokens.accessHint')}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={scope}
                onChange={(e) => setScope(e.target.value as ApiTokenDto['scope'])}
              >
                <option value="read">{t(SCOPE_TEXT.read)}</option>
                <option value="read_write">{t(SCOPE_TEXT.read_write)}</option>
              </select>
            )}
          </Field>
          <Field label={t('tokens.expires')}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={expiry}
                onChange={(e) => setExpiry(e.target.value)}
              >
                {API_TOKEN_LIMITS.expiryDays.map((d) => (
                  <option key={d} value={String(d)}>
                    {t('tokens.inDays', { days: d })}
                  </option>
                ))}
                <option value={NEVER}>{t('tokens.neverOption')}</option>
              </select>
            )}
          </Field>
        </div>
        <FormError error={create.error ?? loadError} />
        <FormActions>
          <button
            type="submit"
            className="button"
            disabled={create.busy || !name.trim()}
            data-testid="create-token"
          >
            {create.busy ? t('tokens.creating') : t('tokens.create')}
          </button>
        </FormActions>
      </form>
      {revoking ? (
        <ConfirmDialog
          title={t('tokens.revokeTitle', { name: revoking.name })}
          description={t('tokens.revokeText')}
          confirmLabel={t('tokens.revokeConfirm')}
          danger
          busy={revoke.busy}
          error={revoke.error}
          onConfirm={() => void revoke.run(revoking.id)}
          onClose={() => setRevoking(null)}
        />
      ) : null}
    </FormCard>
  );
}
