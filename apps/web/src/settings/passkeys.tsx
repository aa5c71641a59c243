/**
 * Settings → Passkeys (docs/decisions/0026-passkeys.md): add one on this device (named), list,
 * rename and remove them. The password keeps working alongside.
 */
import { PASSKEY_LIMITS, type PasskeyDto } from '@habit-tracker/contract';
import { useEffect, useId, useState } from 'react';
import { addPasskey, isCancelled, passkeysApi, passkeysSupported } from '../account/passkeys';
import { useT } from '../i18n/i18n';
import { ConfirmDialog } from '../shared/components/dialog';
import { InputField } from '../shared/components/field';
import { FormActions } from '../shared/components/form-actions';
import { FormCard } from '../shared/components/form-card';
import { FormError } from '../shared/components/form-error';
import { friendlyError } from '../shared/lib/errors';
import { useMutation } from '../shared/lib/use-mutation';

function day(iso: string | null, none: string): string {
  return iso ? new Date(iso).toLocaleDateString() : none;
}

export function PasskeySettings() {
  const t = useT();
  const uid = useId();
  const [passkeys, setPasskeys] = useState<PasskeyDto[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<PasskeyDto | null>(null);
  const [newName, setNewName] = useState('');
  const [removing, setRemoving] = useState<PasskeyDto | null>(null);
  const supported = passkeysSupported();

  const reload = () =>
    passkeysApi
      .list()
      .then((r) => setPasskeys(r.passkeys))
      .catch((e) => setLoadError(friendlyError(e)));
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once, on mount.
  useEffect(() => {
    void reload();
  }, []);

  const describe = (e: unknown) => (isCancelled(e) ? t('passkeys.cancelled') : friendlyError(e));
  const add = useMutation(() => addPasskey(name), {
    refreshToday: false,
    describe,
    success: t('passkeys.added'),
    onSuccess: () => {
      setName('');
      void reload();
    },
  });
  const rename = useMutation((id: string) => passkeysApi.rename(id, newName), {
    refreshToday: false,
    success: t('passkeys.renamed'),
    onSuccess: () => {
      setRenaming(null);
      void reload();
    },
  });
  const remove = useMutation((id: string) => passkeysApi.remove(id), {
    refreshToday: false,
    success: t('passkeys.removed'),
    onSuccess: () => {
      setRemoving(null);
      void reload();
    },
  });

  return (
    <FormCard title={t('passkeys.title')} testId="passkeys-card">
      <p>{t('passkeys.intro')}</p>
      {passkeys && passkeys.length > 0 ? (
        <ul className="plain-list" data-testid="passkey-list">
          {passkeys.map((p) => (
            <li key={p.id} className="list-row">
              <span>
                {p.name}
                <span className="hint">
                  {' '}
                  ·{' '}
                  {t('passkeys.meta', {
                    created: day(p.createdAt, ''),
                    lastUsed: day(p.lastUsedAt, t('passkeys.never')),
                  })}
                </span>
              </span>
              <span className="button-row">
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t('passkeys.renameLabel', { name: p.name })}
                  onClick={() => {
                    rename.reset();
                    setNewName(p.name);
                    setRenaming(p);
                  }}
                >
                  {t('passkeys.rename')}
                </button>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t('passkeys.removeLabel', { name: p.name })}
                  onClick={() => {
                    remove.reset();
                    setRemoving(p);
                  }}
                >
                  {t('passkeys.remove')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      ) : passkeys ? (
        <p className="hint">{t('passkeys.none')}</p>
      ) : null}
      {supported ? (
        <form
          className="form"
          aria-labelledby={`${uid}-new`}
          onSubmit={(e) => {
            e.preventDefault();
            void add.run();
          }}
        >
          <h3 className="subheading" id={`${uid}-new`}>
            {t('passkeys.new')}
          </h3>
          <InputField
            label={t('passkeys.name')}
            hint={t('passkeys.nameHint')}
            className="input"
            maxLength={PASSKEY_LIMITS.nameMax}
            value={name}
            error={add.fields.name}
            onChange={(e) => setName(e.target.value)}
          />
          <FormError error={add.error ?? loadError} />
          <FormActions>
            <button type="submit" className="button" disabled={add.busy} data-testid="add-passkey">
              {add.busy ? t('passkeys.adding') : t('passkeys.add')}
            </button>
          </FormActions>
        </form>
      ) : (
        <p className="hint">{t('passkeys.unsupported')}</p>
      )}
      {renaming ? (
        <ConfirmDialog
          title={t('passkeys.renameTitle', { name: renaming.name })}
          description={t('passkeys.renameBody')}
          confirmLabel={t('common.save')}
          busy={rename.busy}
          error={rename.error}
          onConfirm={() => void rename.run(renaming.id)}
          onClose={() => setRenaming(null)}
        >
          <InputField
            label={t('passkeys.name')}
            className="input"
            required
            maxLength={PASSKEY_LIMITS.nameMax}
            value={newName}
            error={rename.fields.name}
            onChange={(e) => setNewName(e.target.value)}
          />
        </ConfirmDialog>
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={t('passkeys.removeTitle', { name: removing.name })}
          description={t('passkeys.removeBody')}
          confirmLabel={t('passkeys.remove')}
          danger
          busy={remove.busy}
          error={remove.error}
          onConfirm={() => void remove.run(removing.id)}
          onClose={() => setRemoving(null)}
        />
      ) : null}
    </FormCard>
  );
}
