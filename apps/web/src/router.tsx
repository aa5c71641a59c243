/**
 * A history-API router in a few lines: the server answers every non-/api GET with index.html,
 * so real paths work on reload. Routes are matched by hand in `matchRoute`.
 */
import {
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
  useSyncExternalStore,
} from 'react';
import { type MessageId, useT } from './i18n/i18n';

export type Route =
  | { name: 'today' }
  | { name: 'sign-in' }
  | { name: 'sign-up' }
  | { name: 'forgot-password' }
  | { name: 'reset-password' }
  | { name: 'habits' }
  | { name: 'new-habit' }
  | { name: 'edit-habit'; id: string }
  | { name: 'habit'; id: string }
  | { name: 'settings' }
  | { name: 'your-data' }
  | { name: 'import' }
  | { name: 'stats' }
  | { name: 'not-found' };

export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'today' };
  if (path === '/sign-in') return { name: 'sign-in' };
  if (path === '/sign-up') return { name: 'sign-up' };
  if (path === '/forgot-password') return { name: 'forgot-password' };
  if (path === '/reset-password') return { name: 'reset-password' };
  if (path === '/habits') return { name: 'habits' };
  if (path === '/habits/new') return { name: 'new-habit' };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/settings/data') return { name: 'your-data' };
  if (path === '/import') return { name: 'import' };
  if (path === '/stats') return { name: 'stats' };
  const edit = /^\/habits\/([^/]+)\/edit$/.exec(path);
  if (edit) return { name: 'edit-habit', id: decodeURIComponent(edit[1]!) };
  const detail = /^\/habits\/([^/]+)$/.exec(path);
  if (detail) return { name: 'habit', id: decodeURIComponent(detail[1]!) };
  return { name: 'not-found' };
}

const listeners = new Set<() => void>();
let current = `${location.pathname}${location.search}`;
/** Set after the first in-app navigation: screens move focus to their heading only then. */
export let hasNavigated = false;

function notify(): void {
  current = `${location.pathname}${location.search}`;
  for (const l of listeners) l();
}
window.addEventListener('popstate', () => {
  hasNavigated = true;
  cameFrom = null; // unknown after a step through the browser's history
  notify();
});

/** The in-app page this one was opened from (a back link returns there), if any. */
let cameFrom: string | null = null;

export function navigate(to: string, { replace = false } = {}): void {
  if (to === current) return;
  hasNavigated = true;
  if (!replace) cameFrom = current;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  notify();
  window.scrollTo(0, 0);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current path and query, e.g. "/habits/abc?tab=stats". */
export function useLocation(): { pathname: string; search: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, () => current);
  const [pathname = '/', search = ''] = href.split('?');
  return { pathname, search: new URLSearchParams(search) };
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An <a> that navigates in-app on a plain click and behaves normally otherwise. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    ) {
      return;
    }
    event.preventDefault();
    navigate(to);
  }
  return <a href={to} onClick={handleClick} {...rest} />;
}

const PLACES: Record<string, MessageId> = {
  '/': 'shell.nav.today',
  '/habits': 'shell.nav.habits',
  '/settings': 'shell.nav.settings',
};

/**
 * "Back" to where the user came from (Today, the habits list…), through the browser's history so
 * the scroll position comes back too; `fallback` when the page was opened directly.
 */
export function BackLink({ fallback, children }: { fallback: string; children?: ReactNode }) {
  const origin = cameFrom;
  const target = origin ?? fallback;
  const t = useT();
  const label = t(PLACES[target.split('?')[0] ?? ''] ?? 'shell.back');
  return (
    <Link
      to={target}
      className="back-link"
      data-testid="back-link"
      onClick={(event) => {
        if (origin !== null && history.length > 1) {
          event.preventDefault();
          history.back();
        }
      }}
    >
      {children}
      {label}
    </Link>
  );
}
