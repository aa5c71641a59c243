import { useState } from 'react';
import { api } from '../api/client';
import { useMutation } from '../shared/lib/use-mutation';

const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** When the device's zone differs from the account's (travel), offer to switch — never silently. */
export function TimeZoneNudge({ timeZone }: { timeZone: string }) {
  const key = `ht:tz-dismissed:${timeZone}:${deviceZone}`;
  const [hidden, setHidden] = useState(() => localStorage.getItem(key) === '1');
  const switchZone = useMutation(() => api.updateSettings({ timeZone: deviceZone }), {
    success: `Your days now follow ${deviceZone}.`,
    errorToast: true,
  });
  if (!deviceZone || deviceZone === timeZone || hidden) return null;
  return (
    <div className="notice" data-testid="tz-nudge">
      <p>
        This device is in <strong>{deviceZone.replaceAll('_', ' ')}</strong>, but your days follow{' '}
        <strong>{timeZone.replaceAll('_', ' ')}</strong>.
      </p>
      <div className="notice-actions">
        <button
          type="button"
          className="button button-small button-primary"
          disabled={switchZone.busy}
          onClick={() => void switchZone.run()}
        >
          Use {deviceZone.split('/').pop()?.replaceAll('_', ' ')}
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            localStorage.setItem(key, '1');
            setHidden(true);
          }}
        >
          Keep {timeZone.split('/').pop()?.replaceAll('_', ' ')}
        </button>
      </div>
    </div>
  );
}
