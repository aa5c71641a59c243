/**
 * Keyboard shortcuts on Today, and the `?` overlay that lists them. Keys typed into a field or
 * inside a dialog are left alone.
 */
import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../shared/components/dialog';

const SHORTCUTS: [keys: string[], what: string][] = [
  [['←', '→'], 'Previous or next day'],
  [['↑', '↓'], 'Previous or next habit'],
  [['Home', 'End'], 'First or last day shown'],
  [['Enter', 'Space'], 'Mark the day done or clear it; a number opens its amount'],
  [['Tab'], 'Into and out of the grid (one stop), to a habit’s page or its “more” button'],
  [['n'], 'New habit'],
  [['?'], 'This list'],
  [['Esc'], 'Close a dialog'],
];

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return (
    el.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) ||
    el.closest('dialog') !== null
  );
}

export function useShortcuts(actions: { newHabit: () => void }) {
  const [open, setOpen] = useState(false);
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      if (event.key === '?') {
        event.preventDefault();
        setOpen(true);
      } else if (event.key === 'n') {
        event.preventDefault();
        latest.current.newHabit();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return [open, setOpen] as const;
}

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="shortcuts-dialog">
      <dl className="shortcuts" data-testid="shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what} className="shortcut">
            <dt>
              {keys.map((k, i) => (
                <span key={k}>
                  {i > 0 ? ' ' : ''}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
