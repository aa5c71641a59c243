import { useT } from '../../i18n/i18n';
import { syncStore } from '../../offline/sync';
import { useStore } from '../lib/store';
import { CloudCheckIcon, CloudOffIcon, SyncIcon } from './icons';

/** "Offline · 2 to sync" / "Syncing…" / "Synced", always in the header. */
export function SyncStatus() {
  const { pending, status, online } = useStore(syncStore);
  const t = useT();
  const n = pending.length;
  let state: 'offline' | 'syncing' | 'synced' | 'attention';
  let label: string;
  if (!online) {
    state = 'offline';
    label = n > 0 ? t('sync.offlineWaiting', { count: n }) : t('sync.offline');
  } else if (status === 'signed-out' && n > 0) {
    state = 'attention';
    label = t('sync.signIn', { count: n });
  } else if (status === 'waiting' && n > 0) {
    state = 'attention';
    label = t('sync.waitingCount', { count: n });
  } else if (n > 0 || status === 'syncing') {
    state = 'syncing';
    label = n > 1 ? t('sync.syncingCount', { count: n }) : t('sync.syncing');
  } else {
    state = 'synced';
    label = t('sync.synced');
  }
  const Icon = state === 'offline' ? CloudOffIcon : state === 'synced' ? CloudCheckIcon : SyncIcon;
  return (
    <output className="sync-status" data-state={state} aria-live="polite" data-testid="sync-status">
      <Icon width={18} height={18} className="sync-icon" />
      <span>{label}</span>
    </output>
  );
}
