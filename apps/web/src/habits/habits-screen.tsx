import {
  type PointerEvent as ReactPointerEvent,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import { api, type Habit } from '../api/client';
import { useT } from '../i18n/i18n';
import { Link } from '../router';
import { ConfirmDialog } from '../shared/components/dialog';
import { FormError } from '../shared/components/form-error';
import { HabitIcon } from '../shared/components/habit-icon';
import { ArrowDownIcon, ArrowUpIcon, GripIcon, PlusIcon } from '../shared/components/icons';
import { ScreenHeader } from '../shared/components/screen-header';
import { toast } from '../shared/components/toast';
import { friendlyError } from '../shared/lib/errors';
import { formatNumber, scheduleText, targetText } from '../shared/lib/format';
import { useHeadingFocus } from '../shared/lib/use-heading-focus';
import { useMutation } from '../shared/lib/use-mutation';
import { loadToday, todayStore } from '../today/store';
import { GroupsCard } from './groups-card';

interface DragState {
  id: string;
  from: number;
  to: number;
  startY: number;
  dy: number;
  /** Midpoints of every row at drag start (page coordinates). */
  mids: number[];
  height: number;
}

export default function HabitsScreen() {
  const t = useT();
  const heading = useHeadingFocus<HTMLHeadingElement>(t('shell.nav.habits'));
  const [active, setActive] = useState<Habit[] | null>(null);
  const [archived, setArchived] = useState<Habit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Habit | null>(null);
  const archiveHabit = useMutation(
    (habit: Habit, archiving: boolean) =>
      archiving ? api.archiveHabit(habit.id) : api.unarchiveHabit(habit.id),
    { errorToast: true },
  );
  const removeHabit = useMutation((habit: Habit) => api.deleteHabit(habit.id), {
    errorToast: true,
    success: () => t('habits.deleted', { name: deleting?.name ?? '' }),
  });
  const busy = removeHabit.busy;
  const [drag, setDrag] = useState<DragState | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const listRef = useRef<HTMLOListElement>(null);
  const weekStart = todayStore.get().data?.settings.weekStart ?? 1;

  const refresh = useCallback(async () => {
    try {
      const { habits } = await api.habits('all');
      setActive(habits.filter((h) => !h.archivedAt));
      setArchived(habits.filter((h) => h.archivedAt));
      setError(null);
    } catch (e) {
      setError(friendlyError(e));
    }
  }, []);
  useEffect(() => void refresh(), [refresh]);

  async function saveOrder(next: Habit[], previous: Habit[], moved: Habit) {
    setActive(next);
    const position = next.findIndex((h) => h.id === moved.id) + 1;
    setAnnouncement(t('habits.moved', { name: moved.name, position, count: next.length }));
    try {
      const { habits } = await api.reorderHabits(next.map((h) => h.id));
      setActive(habits.filter((h) => !h.archivedAt));
      void loadToday();
    } catch (e) {
      setActive(previous);
      toast(friendlyError(e), { tone: 'error' });
    }
  }

  function move(index: number, delta: -1 | 1) {
    if (!active) return;
    const target = index + delta;
    if (target < 0 || target >= active.length) return;
    const next = [...active];
    const [item] = next.splice(index, 1);
    next.splice(target, 0, item!);
    void saveOrder(next, active, item!);
    // Keep focus on the same control of the moved row so repeated presses keep moving it.
    requestAnimationFrame(() => {
      const button = listRef.current?.querySelector<HTMLButtonElement>(
        `[data-habit-id="${item!.id}"] [data-move="${delta}"]`,
      );
      if (button && !button.disabled) button.focus();
      else
        listRef.current
          ?.querySelector<HTMLButtonElement>(
            `[data-habit-id="${item!.id}"] [data-move="${-delta}"]`,
          )
          ?.focus();
    });
  }

  function onPointerDown(event: ReactPointerEvent<HTMLButtonElement>, habit: Habit, index: number) {
    if (!active || !listRef.current || (event.pointerType === 'mouse' && event.button !== 0))
      return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const rows = [...listRef.current.querySelectorAll<HTMLElement>(':scope > li')];
    const mids = rows.map((r) => {
      const box = r.getBoundingClientRect();
      return box.top + window.scrollY + box.height / 2;
    });
    const height = rows[index]?.getBoundingClientRect().height ?? 64;
    setDrag({ id: habit.id, from: index, to: index, startY: event.pageY, dy: 0, mids, height });
  }

  function onPointerMove(event: ReactPointerEvent<HTMLButtonElement>) {
    if (!drag) return;
    const dy = event.pageY - drag.startY;
    const center = drag.mids[drag.from]! + dy;
    // The new index is how many other rows' midpoints the dragged row's centre has passed.
    let to = 0;
    for (let i = 0; i < drag.mids.length; i++) if (i !== drag.from && center > drag.mids[i]!) to++;
    setDrag({ ...drag, dy, to });
  }

  function onPointerUp() {
    if (!drag || !active) return;
    const { from, to } = drag;
    setDrag(null);
    if (from === to) return;
    const next = [...active];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    void saveOrder(next, active, item!);
  }

  function shiftFor(index: number): number {
    if (!drag || index === drag.from) return 0;
    if (drag.from < drag.to && index > drag.from && index <= drag.to) return -drag.height;
    if (drag.from > drag.to && index >= drag.to && index < drag.from) return drag.height;
    return 0;
  }

  async function archive(habit: Habit, archiving: boolean) {
    const outcome = await archiveHabit.run(habit, archiving);
    if (!outcome.ok) return;
    const updated = outcome.value;
    await refresh();
    toast(
      archiving
        ? t('habits.archived', { name: updated.name })
        : t('habits.unarchived', { name: updated.name }),
      {
        ...(archiving
          ? { action: { label: t('habits.undo'), run: () => void archive(updated, false) } }
          : {}),
      },
    );
  }

  async function confirmDelete() {
    if (!deleting) return;
    if (!(await removeHabit.run(deleting)).ok) return;
    setDeleting(null);
    await refresh();
  }

  return (
    <div className="screen">
      <ScreenHeader heading={heading} title={t('shell.nav.habits')} className="with-action">
        <Link to="/habits/new" className="button button-primary">
          <PlusIcon width={18} height={18} /> {t('today.newHabit')}
        </Link>
      </ScreenHeader>
      <FormError error={error} />
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {active === null && !error ? <div className="card skeleton-card" aria-busy="true" /> : null}
      {active && active.length === 0 ? (
        <div className="empty-state">
          <p className="empty-title">{t('habits.noActive')}</p>
          <Link to="/habits/new" className="button button-primary">
            {t('habits.create')}
          </Link>
        </div>
      ) : null}
      {active && active.length > 0 ? (
        <section aria-labelledby="active-title">
          <h2 id="active-title" className="section-title">
            {t('habits.active')} <span className="count">{formatNumber(active.length)}</span>
          </h2>
          <p className="hint section-hint">{t('habits.orderHint')}</p>
          <ol className="manage-list" ref={listRef} data-testid="active-habits">
            {active.map((habit, index) => {
              const dragging = drag?.id === habit.id;
              const offset = dragging ? drag.dy : shiftFor(index);
              return (
                <li
                  key={habit.id}
                  className={`manage-row${dragging ? ' dragging' : ''}${drag ? ' drag-active' : ''}`}
                  data-habit-id={habit.id}
                  style={offset ? { transform: `translateY(${offset}px)` } : undefined}
                >
                  <button
                    type="button"
                    className="icon-button drag-handle"
                    aria-label={t('habits.drag', { name: habit.name })}
                    tabIndex={-1}
                    onPointerDown={(e) => onPointerDown(e, habit, index)}
                    onPointerMove={onPointerMove}
                    onPointerUp={onPointerUp}
                    onPointerCancel={() => setDrag(null)}
                  >
                    <GripIcon />
                  </button>
                  <Link to={`/habits/${habit.id}`} className="manage-main">
                    <HabitIcon icon={habit.icon} name={habit.name} color={habit.color} />
                    <span className="habit-text">
                      <span className="habit-name">{habit.name}</span>
                      <span className="habit-meta">
                        {scheduleText(habit, weekStart)}
                        {habit.measure.kind === 'numeric' ? ` · ${targetText(habit)}` : ''}
                      </span>
                    </span>
                  </Link>
                  <span className="manage-actions">
                    <button
                      type="button"
                      className="icon-button"
                      data-move="-1"
                      aria-label={t('habits.moveUp', { name: habit.name })}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      <ArrowUpIcon />
                    </button>
                    <button
                      type="button"
                      className="icon-button"
                      data-move="1"
                      aria-label={t('habits.moveDown', { name: habit.name })}
                      disabled={index === active.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      <ArrowDownIcon />
                    </button>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => void archive(habit, true)}
                    >
                      {t('habits.archive')}
                      <span className="sr-only"> {habit.name}</span>
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
      {active ? <GroupsCard habits={active} onChanged={() => void refresh()} /> : null}
      {archived.length > 0 ? (
        <section aria-labelledby="archived-title" className="quiet-section">
          <h2 id="archived-title" className="section-title">
            {t('habits.archivedTitle')}{' '}
            <span className="count">{formatNumber(archived.length)}</span>
          </h2>
          <ul className="manage-list" data-testid="archived-habits">
            {archived.map((habit) => (
              <li key={habit.id} className="manage-row archived" data-habit-id={habit.id}>
                <Link to={`/habits/${habit.id}`} className="manage-main">
                  <HabitIcon icon={habit.icon} name={habit.name} color={habit.color} />
                  <span className="habit-text">
                    <span className="habit-name">{habit.name}</span>
                    <span className="habit-meta">{scheduleText(habit, weekStart)}</span>
                  </span>
                </Link>
                <span className="manage-actions">
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => void archive(habit, false)}
                  >
                    {t('habits.unarchive')}
                    <span className="sr-only"> {habit.name}</span>
                  </button>
                  <button
                    type="button"
                    className="button button-small button-danger-ghost"
                    onClick={() => setDeleting(habit)}
                  >
                    {t('common.delete')}
                    <span className="sr-only"> {habit.name}</span>
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('habits.deleteTitle', { name: deleting.name })}
          description={t('habits.deleteDescription')}
          confirmLabel={t('habits.deleteForGood')}
          danger
          busy={busy}
          onConfirm={() => void confirmDelete()}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </div>
  );
}
