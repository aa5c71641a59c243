/** What happens locally around signing in and out. */
import { api, type Me } from '../api/client';
import { adoptAccountLocale } from '../i18n/i18n';
import { kvGet, kvSet } from '../offline/db';
import { flush, resetSync } from '../offline/sync';
import { forgetThisDevice } from '../reminders/push';
import { navigate } from '../router';
import { forgetToday, loadToday } from '../today/store';
import { markSignedIn, sessionStore } from './session';

/** After sign-in/up: a different account must not see (or sync) the previous one's data. */
export async function afterSignIn(me: Me, next: string | null): Promise<void> {
  const owner = await kvGet<string>('owner');
  if (owner !== me.user.id) {
    await resetSync();
    await kvSet('owner', me.user.id);
  }
  forgetToday();
  await adoptAccountLocale(me.settings.locale);
  markSignedIn();
  void loadToday();
  void flush();
  navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
}

/** Local sign-out; the caller has already told the server (or the session is gone anyway). */
export async function afterSignOut(): Promise<void> {
  await resetSync();
  forgetToday();
  sessionStore.set({ status: 'signed-out' });
  navigate('/sign-in', { replace: true });
}

export async function signOut(): Promise<void> {
  await forgetThisDevice();
  await api.signOut();
  await afterSignOut();
}

/** The browser's time zone, and the week start its locale prefers (Monday when unknown). */
export function detectCalendar(): { timeZone: string; weekStart: 1 | 2 | 3 | 4 | 5 | 6 | 7 } {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  let weekStart = 1;
  try {
    const locale = new Intl.Locale(navigator.language) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    weekStart = locale.getWeekInfo?.().firstDay ?? locale.weekInfo?.firstDay ?? 1;
  } catch {
    // keep Monday
  }
  return { timeZone, weekStart: (weekStart >= 1 && weekStart <= 7 ? weekStart : 1) as 1 };
}

export function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}
