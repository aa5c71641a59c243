import { useState } from 'react';
import { api } from '../api/client';
import { T, t, useT } from '../i18n/i18n';
import { useMutation } from '../shared/lib/use-mutation';

const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const cityOf = (zone: string) => zone.split('/').pop()?.replaceAll('_', ' ') ?? zone;

/** When the device's zone differs from the account's (travel), offer to switch — never silently. */
export function TimeZoneNudge({ timeZone }: { timeZone: string }) {
  const key = `ht:tz-dismissed:${timeZone}:${deviceZone}`;
  const [hidden, setHidden] = useState(() => localStorage.getItem(key) === '1');
  const translate = useT();
  const switchZone = useMutation(() => api.updateSettings({ timeZone: deviceZone }), {
    success: t('tz.switched', { zone: deviceZone }),
    errorToast: true,
  });
  if (!deviceZone || deviceZone === timeZone || hidden) return null;
  return (
    <div className="notice" data-testid="tz-nudge">
      <p>
        <T
          id="tz.nudge"
          values={{
            device: deviceZone.replaceAll('_', ' '),
            account: timeZone.replaceAll('_', ' '),
            strong: (chunks) => <strong>{chunks}</strong>,
          }}
        />
      </p>
      <div className="notice-actions">
        <button
          type="button"
          className="button button-small button-primary"
          disabled={switchZone.busy}
          onClick={() => void switchZone.run()}
        >
          {translate('tz.use', { zone: cityOf(deviceZone) })}
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            localStorage.setItem(key, '1');
            setHidden(true);
          }}
        >
          {translate('tz.keep', { zone: cityOf(timeZone) })}
        </button>
      </div>
    </div>
  );
}
