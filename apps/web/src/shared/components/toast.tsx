/** Short status messages in one polite live region. */
import { useT } from '../../i18n/i18n';
import { createStore, useStore } from '../lib/store';

interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

const toastStore = createStore<{ toasts: Toast[] }>({ toasts: [] });
let nextId = 1;

export function toast(
  message: string,
  options: { tone?: Toast['tone']; action?: Toast['action']; ms?: number } = {},
): void {
  const id = nextId++;
  const item: Toast = { id, message, tone: options.tone ?? 'info' };
  if (options.action) item.action = options.action;
  toastStore.set((s) => ({ toasts: [...s.toasts.slice(-2), item] }));
  setTimeout(() => dismiss(id), options.ms ?? (options.tone === 'error' ? 8000 : 4000));
}

function dismiss(id: number): void {
  toastStore.set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}

export function Toasts() {
  const { toasts } = useStore(toastStore);
  const translate = useT(); // (`t` names a toast below)
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.tone}`}>
          <span>{t.message}</span>
          {t.action ? (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                t.action?.run();
                dismiss(t.id);
              }}
            >
              {t.action.label}
            </button>
          ) : null}
          <button
            type="button"
            className="toast-close"
            aria-label={translate('toast.dismiss')}
            onClick={() => dismiss(t.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
