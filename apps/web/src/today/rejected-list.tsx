import { dismissRejected, syncStore } from '../offline/sync';
import { AlertIcon } from '../shared/components/icons';
import { formatFullDate } from '../shared/lib/format';
import { useStore } from '../shared/lib/store';

/** Check-ins the server refused (4xx) while syncing, each with its reason. */
export function RejectedList() {
  const { rejected } = useStore(syncStore);
  if (rejected.length === 0) return null;
  return (
    <section className="notice notice-error" aria-labelledby="rejected-title">
      <h2 id="rejected-title" className="notice-title">
        <AlertIcon width={18} height={18} />
        {rejected.length === 1
          ? '1 change could not be saved'
          : `${rejected.length} changes could not be saved`}
      </h2>
      <ul className="rejected-list">
        {rejected.map((r) => (
          <li key={r.key}>
            <span>
              <strong>{r.habitName}</strong>, {formatFullDate(r.date)} (
              {r.op === 'delete' ? 'clear' : r.body?.state === 'skipped' ? 'skip' : 'check-in'}):{' '}
              {r.message}
            </span>
            <button
              type="button"
              className="button button-small"
              onClick={() => void dismissRejected(r.key)}
            >
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
