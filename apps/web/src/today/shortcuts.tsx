/**
 * Keyboard shortcuts on Today, and the `?` overlay that lists them. Keys typed into a field or
 * inside a dialog are left alone.
 */
import { useEffect, useRef, useState } from 'react';
import { type MessageId, useLocale, useT } from '../i18n/i18n';
import { isRtl } from '../i18n/locales';
import { Dialog } from '../shared/components/dialog';

// Key caps stay as printed on most keyboards; right-to-left, the earlier day is to the right.
const SHORTCUTS: [keys: string[], what: MessageId][] = [
  [['←', '→'], 'shortcuts.day'],
  [['↑', '↓'], 'shortcuts.habit'],
  [['Home', 'End'], 'shortcuts.ends'],
  [['Enter', 'Space'], 'shortcuts.mark'],
  [['Tab'], 'shortcuts.tab'],
  [['n'], 'today.newHabit'],
  [['?'], 'shortcuts.list'],
  [['Esc'], 'shortcuts.esc'],
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
  const t = useT();
  const rtl = isRtl(useLocale());
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose} className="shortcuts-dialog">
      <dl className="shortcuts" data-testid="shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what} className="shortcut">
            <dt>
              {(rtl && what === 'shortcuts.day' ? [...keys].reverse() : keys).map((k, i) => (
                <span key={k}>
                  {i > 0 ? ' ' : ''}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(what)}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      </div>
    </Dialog>
  );
}
