/**
 * The user's habit groups, on the Habits screen: add, rename, delete (its habits stay,
 * ungrouped) and order them with the arrow buttons (keyboard and pointer alike). A habit joins a
 * group from its editor. Ordering sends the whole layout (PUT /layout) in one write.
 */
import { LIMITS } from '@habit-tracker/vocabulary';
import { useCallback, useEffect, useId, useState } from 'react';
import { api, type Group, type Habit } from '../api/client';
import { useT } from '../i18n/i18n';
import { InputField } from '../shared/components/field';
import { ArrowDownIcon, ArrowUpIcon } from '../shared/components/icons';
import { useMutation } from '../shared/lib/use-mutation';

/** The layout that keeps every habit where it is and puts the groups in `order`. */
export function layoutFor(habits: readonly Habit[], order: readonly Group[]) {
  const known = new Set(order.map((g) => g.id));
  return {
    ungrouped: habits.filter((h) => !h.groupId || !known.has(h.groupId)).map((h) => h.id),
    groups: order.map((g) => ({
      id: g.id,
      habitIds: habits.filter((h) => h.groupId === g.id).map((h) => h.id),
    })),
  };
}

export function GroupsCard({ habits, onChanged }: { habits: Habit[]; onChanged: () => void }) {
  const t = useT();
  const id = useId();
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const refresh = useCallback(async () => {
    try {
      setGroups((await api.groups()).groups);
    } catch {
      setGroups([]);
    }
  }, []);
  useEffect(() => void refresh(), [refresh]);

  const after = { errorToast: true, onSuccess: () => void refresh().then(onChanged) };
  const create = useMutation((n: string) => api.createGroup(n), {
    ...after,
    success: (g) => t('groups.added', { name: g.name }),
  });
  const rename = useMutation((g: string, n: string) => api.renameGroup(g, n), after);
  const remove = useMutation((g: Group) => api.deleteGroup(g.id), {
    ...after,
    success: () => t('groups.deleted'),
  });
  const reorder = useMutation((order: Group[]) => api.setLayout(layoutFor(habits, order)), after);

  function move(index: number, delta: -1 | 1) {
    if (!groups) return;
    const next = [...groups];
    const [moved] = next.splice(index, 1);
    next.splice(index + delta, 0, moved!);
    setGroups(next);
    void reorder.run(next);
  }

  return (
    <section className="card form-section" aria-labelledby={`${id}-title`} data-testid="groups">
      <h2 id={`${id}-title`} className="card-title">
        {t('groups.title')}
      </h2>
      <p className="hint">{t('groups.hint')}</p>
      {groups && groups.length > 0 ? (
        <ol className="manage-list">
          {groups.map((g, i) => (
            <li key={g.id} className="manage-row group-row">
              {renaming?.id === g.id ? (
                <form
                  className="group-rename"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void rename.run(g.id, renaming.name).then((o) => o.ok && setRenaming(null));
                  }}
                >
                  <label className="sr-only" htmlFor={`${id}-${g.id}`}>
                    {t('groups.newName', { name: g.name })}
                  </label>
                  <input
                    id={`${id}-${g.id}`}
                    className="input"
                    maxLength={LIMITS.groupNameMax}
                    value={renaming.name}
                    onChange={(e) => setRenaming({ id: g.id, name: e.target.value })}
                  />
                  <button type="submit" className="button button-small button-primary">
                    {t('common.save')}
                  </button>
                </form>
              ) : (
                <span className="habit-name group-row-name">{g.name}</span>
              )}
              <span className="manage-actions">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('groups.moveUp', { name: g.name })}
                  disabled={i === 0 || reorder.busy}
                  onClick={() => move(i, -1)}
                >
                  <ArrowUpIcon />
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('groups.moveDown', { name: g.name })}
                  disabled={i === groups.length - 1 || reorder.busy}
                  onClick={() => move(i, 1)}
                >
                  <ArrowDownIcon />
                </button>
                {renaming?.id === g.id ? null : (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => setRenaming({ id: g.id, name: g.name })}
                  >
                    {t('groups.rename')}
                    <span className="sr-only"> {g.name}</span>
                  </button>
                )}
                <button
                  type="button"
                  className="button button-small button-danger-ghost"
                  disabled={remove.busy}
                  onClick={() => void remove.run(g)}
                >
                  {t('common.delete')}
                  <span className="sr-only"> {t('groups.srName', { name: g.name })}</span>
                </button>
              </span>
            </li>
          ))}
        </ol>
      ) : null}
      <form
        className="group-add"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          void create.run(name.trim()).then((o) => o.ok && setName(''));
        }}
      >
        <InputField
          label={t('groups.new')}
          error={create.fields.name}
          className="input"
          maxLength={LIMITS.groupNameMax}
          placeholder={t('groups.placeholder')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="button" disabled={create.busy || !name.trim()}>
          {t('groups.add')}
        </button>
      </form>
    </section>
  );
}
