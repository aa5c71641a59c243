/**
 * Settings → Invites (docs/decisions/0028-sign-up-control.md): for the server's administrators
 * (ADMIN_EMAILS) only — list sign-up invites, make one (its link shown once, with a copy
 * button), revoke with a confirmation. Everyone else never sees it: the list answers them 403.
 */
import {
  type CreatedInviteDto,
  INVITE_LIMITS,
  type InviteDto,
  type InviteInput,
} from '@habit-tracker/contract';
import { useEffect, useId, useState } from 'react';
import { ApiError, answer, client } from '../api/client';
import { useT } from '../i18n/i18n';
import { ConfirmDialog } from '../shared/components/dialog';
import { InputField } from '../shared/components/field';
import { FormActions } from '../shared/components/form-actions';
import { FormCard } from '../shared/components/form-card';
import { FormError } from '../shared/components/form-error';
import { toast } from '../shared/components/toast';
import { friendlyError } from '../shared/lib/errors';
import { useMutation } from '../shared/lib/use-mutation';

const invitesApi = {
  list: (): Promise<{ invites: InviteDto[] }> => answer(client.GET('/api/v1/invites')),
  create: (body: InviteInput): Promise<CreatedInviteDto> =>
    answer(client.POST('/api/v1/invites', { body })),
  revoke: (id: string): Promise<void> =>
    answer(client.DELETE('/api/v1/invites/{id}', { params: { path: { id } } })),
};

const day = (iso: string) => new Date(iso).toLocaleDateString();

export function InviteSettings() {
  const t = useT();
  const uid = useId();
  /** null: loading; false: not an administrator (the card is not shown). */
  const [invites, setInvites] = useState<InviteDto[] | null | false>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [days, setDays] = useState(String(INVITE_LIMITS.defaultExpiryDays));
  const [uses, setUses] = useState('1');
  const [created, setCreated] = useState<CreatedInviteDto | null>(null);
  const [revoking, setRevoking] = useState<InviteDto | null>(null);

  const reload = () =>
    invitesApi
      .list()
      .then((r) => setInvites(r.invites))
      .catch((e) => {
        if (e instanceof ApiError && e.code === 'admin_only') setInvites(false);
        else setLoadError(friendlyError(e));
      });
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once, on mount.
  useEffect(() => {
    void reload();
  }, []);

  const create = useMutation(
    () =>
      invitesApi.create({
        ...(email.trim() ? { email: email.trim() } : {}),
        expiresInDays: Number(days),
        maxUses: Number(uses),
      }),
    {
      refreshToday: false,
      onSuccess: (made) => {
        setCreated(made);
        setEmail('');
        void reload();
      },
    },
  );
  const revoke = useMutation((id: string) => invitesApi.revoke(id), {
    refreshToday: false,
    success: t('invites.revoked'),
    onSuccess: () => {
      setRevoking(null);
      void reload();
    },
  });

  async function copy(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      toast(t('invites.copied'));
    } catch {
      // The link stays on screen to be selected and copied by hand.
    }
  }

  if (invites === false || (invites === null && !loadError)) return null;
  const now = Date.now();
  return (
    <FormCard title={t('invites.title')}>
      <p>{t('invites.intro')}</p>
      {created ? (
        <div className="token-secret" role="status" data-testid="invite-link">
          <p>
            <strong>{t('invites.created')}</strong>
          </p>
          <code className="token-secret-value">{created.link}</code>
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              onClick={() => void copy(created.link)}
            >
              {t('invites.copy')}
            </button>
          </div>
        </div>
      ) : null}
      {invites && invites.length > 0 ? (
        <ul className="plain-list" data-testid="invite-list">
          {invites.map((invite) => {
            const state =
              invite.uses >= invite.maxUses
                ? t('invites.usedUp')
                : new Date(invite.expiresAt).getTime() <= now
                  ? t('invites.expired')
                  : t('invites.until', { date: day(invite.expiresAt) });
            const who = invite.email
              ? t('invites.forEmail', { email: invite.email })
              : t('invites.anyone');
            return (
              <li key={invite.id} className="list-row">
                <span className="invite-row-text">
                  {who}
                  <span className="hint">
                    {' · '}
                    {t('invites.usage', { uses: invite.uses, max: invite.maxUses })} · {state} ·{' '}
                    {invite.createdByEmail
                      ? t('invites.by', { email: invite.createdByEmail })
                      : t('invites.byOperator')}
                  </span>
                </span>
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => {
                    revoke.reset();
                    setRevoking(invite);
                  }}
                  aria-label={`${t('invites.revoke')}: ${who}`}
                >
                  {t('invites.revoke')}
                </button>
              </li>
            );
          })}
        </ul>
      ) : invites ? (
        <p className="hint">{t('invites.none')}</p>
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
          {t('invites.create')}
        </h3>
        <InputField
          label={t('invites.email')}
          hint={t('invites.emailHint')}
          className="input"
          type="email"
          autoComplete="off"
          value={email}
          error={create.fields.email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <div className="field-row">
          <InputField
            label={t('invites.days')}
            className="input"
            type="number"
            inputMode="numeric"
            min={1}
            max={INVITE_LIMITS.maxExpiryDays}
            required
            value={days}
            error={create.fields.expiresInDays}
            onChange={(e) => setDays(e.target.value)}
          />
          <InputField
            label={t('invites.uses')}
            className="input"
            type="number"
            inputMode="numeric"
            min={1}
            max={INVITE_LIMITS.maxUses}
            required
            value={uses}
            error={create.fields.maxUses}
            onChange={(e) => setUses(e.target.value)}
          />
        </div>
        <FormError error={create.error ?? loadError} />
        <FormActions>
          <button
            type="submit"
            className="button"
            disabled={create.busy}
            data-testid="create-invite"
          >
            {create.busy ? t('invites.creating') : t('invites.create')}
          </button>
        </FormActions>
      </form>
      {revoking ? (
        <ConfirmDialog
          title={t('invites.revokeTitle')}
          description={t('invites.revokeBody')}
          confirmLabel={t('invites.revoke')}
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
