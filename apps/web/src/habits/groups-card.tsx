/**
 * The user's habit groups, on the Habits screen: add, rename, delete (its habits stay,
 * ungrouped) and order them with the arrow buttons (keyboard and pointer alike). A habit joins a
 * group from its editor. Ordering sends the whole layout (PUT /layout) in one write.
 */
import { LIMITS } from '@habit-tracker/vocabulary';
import { useCallback, useEffect, useId, useState } from 'react';
import { api, type Group, type Habit } from '../api/client';
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
    success: (g) => `Added the group “${g.name}”.`,
  });
  const rename = useMutation((g: string, n: string) => api.renameGroup(g, n), after);
  const remove = useMutation((g: Group) => api.deleteGroup(g.id), {
    ...after,
    success: 'Group deleted; its habits stay, without a group.',
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
        Groups
      </h2>
      <p className="hint">
        Sections on Today, in this order. Put a habit in a group from its Edit page.
      </p>
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
                    New name for {g.name}
                  </label>
                  <input
                    id={`${id}-${g.id}`}
                    className="input"
                    maxLength={LIMITS.groupNameMax}
                    value={renaming.name}
                    onChange={(e) => setRenaming({ id: g.id, name: e.target.value })}
                  />
                  <button type="submit" className="button button-small button-primary">
                    Save
                  </button>
                </form>
              ) : (
                <span className="habit-name group-row-name">{g.name}</span>
              )}
              <span className="manage-actions">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move group ${g.name} up`}
                  disabled={i === 0 || reorder.busy}
                  onClick={() => move(i, -1)}
                >
                  <ArrowUpIcon />
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move group ${g.name} down`}
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
                    Rename<span className="sr-only"> {g.name}</span>
                  </button>
                )}
                <button
                  type="button"
                  className="button button-small button-danger-ghost"
                  disabled={remove.busy}
                  onClick={() => void remove.run(g)}
                >
                  Delete<span className="sr-only"> group {g.name}</span>
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
          label="New group"
          error={create.fields.name}
          className="input"
          maxLength={LIMITS.groupNameMax}
          placeholder="e.g. Morning"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="button" disabled={create.busy || !name.trim()}>
          Add group
        </button>
      </form>
    </section>
  );
}
