import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { sessionStore } from './account/session';
import { useT } from './i18n/i18n';
import { Link, matchRoute, navigate, type Route, useLocation } from './router';
import { ChartIcon, GearIcon, ListIcon, TodayIcon } from './shared/components/icons';
import { SyncStatus } from './shared/components/sync-status';
import { Toasts } from './shared/components/toast';
import { UpdatePrompt } from './shared/components/update-prompt';
import { useStore } from './shared/lib/store';
import TodayScreen from './today/today-screen';

// Everything but Today (and the small auth forms) loads on demand.
const AuthScreen = lazy(() => import('./account/auth'));
const ForgotPasswordScreen = lazy(() => import('./account/forgot-password'));
const ResetPasswordScreen = lazy(() => import('./account/reset-password'));
const HabitsScreen = lazy(() => import('./habits/habits-screen'));
const HabitEditorScreen = lazy(() => import('./habits/habit-editor'));
const HabitDetailScreen = lazy(() => import('./habits/habit-detail'));
const SettingsScreen = lazy(() => import('./settings/settings-screen'));
const YourDataScreen = lazy(() => import('./files/your-data'));
const ImportScreen = lazy(() => import('./files/import'));
const StatsScreen = lazy(() => import('./stats/stats-screen'));

const PUBLIC: Route['name'][] = ['sign-in', 'sign-up', 'forgot-password', 'reset-password'];

export function App() {
  const { pathname, search } = useLocation();
  const route = matchRoute(pathname);
  const { status } = useStore(sessionStore);
  const isPublic = PUBLIC.includes(route.name);
  const t = useT();

  useEffect(() => {
    if (status === 'signed-out' && !isPublic) {
      const next = `${pathname}${search.size ? `?${search}` : ''}`;
      navigate(next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`, {
        replace: true,
      });
    }
  }, [status, isPublic, pathname, search]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/" className="brand" aria-label={t('shell.brandLabel')}>
            <img src="/favicon.svg" width="28" height="28" alt="" />
            <span className="brand-name">Habit Tracker</span>
          </Link>
          {isPublic ? null : (
            <>
              <SyncStatus />
              <nav aria-label={t('shell.nav.label')} className="main-nav">
                <NavLink
                  to="/"
                  current={route.name === 'today'}
                  icon={<TodayIcon width={20} height={20} />}
                >
                  {t('shell.nav.today')}
                </NavLink>
                <NavLink
                  to="/habits"
                  current={['habits', 'habit', 'edit-habit', 'new-habit'].includes(route.name)}
                  icon={<ListIcon width={20} height={20} />}
                >
                  {t('shell.nav.habits')}
                </NavLink>
                <NavLink
                  to="/stats"
                  current={route.name === 'stats'}
                  icon={<ChartIcon width={20} height={20} />}
                >
                  {t('shell.nav.stats')}
                </NavLink>
                <NavLink
                  to="/settings"
                  current={['settings', 'your-data', 'import'].includes(route.name)}
                  icon={<GearIcon width={20} height={20} />}
                >
                  {t('shell.nav.settings')}
                </NavLink>
              </nav>
            </>
          )}
        </div>
      </header>
      <main id="main" className={`app-main app-main-${route.name}`}>
        <Suspense fallback={<div className="screen screen-loading" aria-busy="true" />}>
          <Screen route={route} />
        </Suspense>
      </main>
      <Toasts />
      <UpdatePrompt />
    </>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'today':
      return <TodayScreen />;
    case 'sign-in':
    case 'sign-up':
      return <AuthScreen key={route.name} mode={route.name} />;
    case 'forgot-password':
      return <ForgotPasswordScreen />;
    case 'reset-password':
      return <ResetPasswordScreen />;
    case 'habits':
      return <HabitsScreen />;
    case 'new-habit':
      return <HabitEditorScreen />;
    case 'edit-habit':
      return <HabitEditorScreen key={route.id} id={route.id} />;
    case 'habit':
      return <HabitDetailScreen key={route.id} id={route.id} />;
    case 'settings':
      return <SettingsScreen />;
    case 'your-data':
      return <YourDataScreen />;
    case 'import':
      return <ImportScreen />;
    case 'stats':
      return <StatsScreen />;
    default:
      return <NotFound />;
  }
}

function NotFound() {
  const t = useT();
  return (
    <div className="screen">
      <h1>{t('shell.notFound.title')}</h1>
      <p>
        <Link to="/">{t('shell.notFound.goToday')}</Link>
      </p>
    </div>
  );
}

function NavLink({
  to,
  current,
  icon,
  children,
}: {
  to: string;
  current: boolean;
  icon: ReactNode;
  children: ReactNode;
}) {
  return (
    <Link to={to} className="nav-link" aria-current={current ? 'page' : undefined}>
      {icon}
      <span>{children}</span>
    </Link>
  );
}
