/**
 * Registers the service worker after first paint and offers to reload when a new version is
 * waiting (the worker precaches index.html, so a deploy is picked up on the user's say-so,
 * never by a surprise reload mid-check-in).
 */
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n';

export function UpdatePrompt() {
  const t = useT();
  const [update, setUpdate] = useState<null | (() => Promise<void>)>(null);
  useEffect(() => {
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    const start = () =>
      void import('virtual:pwa-register').then(({ registerSW }) => {
        const updateSW = registerSW({
          immediate: true,
          onNeedRefresh: () => setUpdate(() => () => updateSW(true)),
          onRegisteredSW(_url, registration) {
            // Long-lived tabs (an installed app left open) look for updates hourly.
            if (registration) setInterval(() => void registration.update(), 60 * 60 * 1000);
          },
        });
      });
    if (document.readyState === 'complete') start();
    else window.addEventListener('load', start, { once: true });
  }, []);
  if (!update) return null;
  return (
    <div className="update-prompt" role="status">
      <span>{t('update.ready')}</span>
      <button
        type="button"
        className="button button-small button-primary"
        onClick={() => void update()}
      >
        {t('update.reload')}
      </button>
      <button type="button" className="button button-small" onClick={() => setUpdate(null)}>
        {t('update.later')}
      </button>
    </div>
  );
}
