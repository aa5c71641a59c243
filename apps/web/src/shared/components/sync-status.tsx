import { syncStore } from '../../offline/sync';
import { useStore } from '../lib/store';
import { CloudCheckIcon, CloudOffIcon, SyncIcon } from './icons';

/** "Offline · 2 to sync" / "Syncing…" / "Synced", always in the header. */
export function SyncStatus() {
  const { pending, status, online } = useStore(syncStore);
  const n = pending.length;
  const waiting = n > 0 ? ` · ${n} to sync` : '';
  let state: 'offline' | 'syncing' | 'synced' | 'attention';
  let label: string;
  if (!online) {
    state = 'offline';
    label = `Offline${waiting}`;
  } else if (status === 'signed-out' && n > 0) {
    state = 'attention';
    label = `Sign in to sync ${n}`;
  } else if (status === 'waiting' && n > 0) {
    state = 'attention';
    label = `Waiting to sync${waiting}`;
  } else if (n > 0 || status === 'syncing') {
    state = 'syncing';
    label = n > 1 ? `Syncing ${n}…` : 'Syncing…';
  } else {
    state = 'synced';
    label = 'Synced';
  }
  const Icon = state === 'offline' ? CloudOffIcon : state === 'synced' ? CloudCheckIcon : SyncIcon;
  return (
    <output className="sync-status" data-state={state} aria-live="polite" data-testid="sync-status">
      <Icon width={18} height={18} className="sync-icon" />
      <span>{label}</span>
    </output>
  );
}
