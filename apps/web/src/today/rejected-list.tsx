import { T, useT } from '../i18n/i18n';
import { dismissRejected, syncStore } from '../offline/sync';
import { AlertIcon } from '../shared/components/icons';
import { rejectedReason } from '../shared/lib/errors';
import { formatFullDate } from '../shared/lib/format';
import { useStore } from '../shared/lib/store';

/** Check-ins the server refused (4xx) while syncing, each with its reason. */
export function RejectedList() {
  const { rejected } = useStore(syncStore);
  const t = useT();
  if (rejected.length === 0) return null;
  return (
    <section className="notice notice-error" aria-labelledby="rejected-title">
      <h2 id="rejected-title" className="notice-title">
        <AlertIcon width={18} height={18} />
        {t('rejected.title', { count: rejected.length })}
      </h2>
      <ul className="rejected-list">
        {rejected.map((r) => (
          <li key={r.key}>
            <span>
              <T
                id="rejected.item"
                values={{
                  habit: r.habitName,
                  date: formatFullDate(r.date),
                  action:
                    r.op === 'delete'
                      ? t('rejected.clear')
                      : r.body?.state === 'skipped'
                        ? t('rejected.skip')
                        : t('rejected.checkin'),
                  reason: rejectedReason(r),
                  strong: (chunks) => <strong>{chunks}</strong>,
                }}
              />
            </span>
            <button
              type="button"
              className="button button-small"
              onClick={() => void dismissRejected(r.key)}
            >
              {t('rejected.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
