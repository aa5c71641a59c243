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
import { answer, client, friendlyError } from '../api/client';
import { ConfirmDialog } from '../shared/components/dialog';
import { Field, InputField } from '../shared/components/field';
import { FormActions } from '../shared/components/form-actions';
import { FormCard } from '../shared/components/form-card';
import { FormError } from '../shared/components/form-error';
import { toast } from '../shared/components/toast';
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

const SCOPE_TEXT = { read: 'Read only', read_write: 'Read and write' } as const;
const NEVER = 'never';

function day(iso: string | null, none: string): string {
  return iso ? new Date(iso).toLocaleDateString() : none;
}

export function ApiTokenSettings() {
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
    success: 'Token revoked. It no longer works.',
    onSuccess: () => {
      setRevoking(null);
      void reload();
    },
  });

  async function copy(secret: string) {
    try {
      await navigator.clipboard.writeText(secret);
      toast('Token copied.');
    } catch {
      toast('Could not copy: select the token and copy it yourself.');
    }
  }

  return (
    <FormCard title="API tokens">
      <p>
        Let a script or another app read your habits — or check in — without your password. A token
        cannot change your account, settings or tokens.
      </p>
      {created ? (
        <div className="token-secret" role="status" data-testid="token-secret">
          <p>
            <strong>Copy “{created.token.name}” now:</strong> it won’t be shown again.
          </p>
          <code className="token-secret-value">{created.secret}</code>
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              onClick={() => void copy(created.secret)}
            >
              Copy token
            </button>
            <button type="button" className="button" onClick={() => setCreated(null)}>
              Done
            </button>
          </div>
        </div>
      ) : null}
      {tokens && tokens.length > 0 ? (
        <ul className="plain-list" data-testid="token-list">
          {tokens.map((t) => (
            <li key={t.id} className="list-row">
              <span>
                {t.name}
                <span className="hint">
                  {' '}
                  · {SCOPE_TEXT[t.scope]} · made {day(t.createdAt, '')} · expires{' '}
                  {day(t.expiresAt, 'never')} · last used {day(t.lastUsedAt, 'never')}
                </span>
              </span>
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  revoke.reset();
                  setRevoking(t);
                }}
                aria-label={`Revoke ${t.name}`}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      ) : tokens ? (
        <p className="hint">No tokens yet.</p>
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
          New token
        </h3>
        <InputField
          label="Name"
          hint="What will use it, e.g. “Phone shortcut”."
          className="input"
          required
          maxLength={API_TOKEN_LIMITS.nameMax}
          value={name}
          error={create.fields.name}
          onChange={(e) => setName(e.target.value)}
        />
        <div className="field-row">
          <Field label="Access" hint="Read and write also lets it check in and edit habits.">
            {(control) => (
              <select
                {...control}
                className="input"
                value={scope}
                onChange={(e) => setScope(e.target.value as ApiTokenDto['scope'])}
              >
                <option value="read">{SCOPE_TEXT.read}</option>
                <option value="read_write">{SCOPE_TEXT.read_write}</option>
              </select>
            )}
          </Field>
          <Field label="Expires">
            {(control) => (
              <select
                {...control}
                className="input"
                value={expiry}
                onChange={(e) => setExpiry(e.target.value)}
              >
                {API_TOKEN_LIMITS.expiryDays.map((d) => (
                  <option key={d} value={String(d)}>
                    In {d} days
                  </option>
                ))}
                <option value={NEVER}>Never</option>
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
            {create.busy ? 'Creating…' : 'Create token'}
          </button>
        </FormActions>
      </form>
      {revoking ? (
        <ConfirmDialog
          title={`Revoke “${revoking.name}”?`}
          description="Anything using this token stops working at once. This can’t be undone."
          confirmLabel="Revoke token"
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
