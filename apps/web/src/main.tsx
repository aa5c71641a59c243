import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { fetchTodayResponse } from './api/client';
import { App } from './app';
import { activate, adoptAccountLocale, I18nProvider, initialLocale } from './i18n/i18n';
import { initSync } from './offline/sync';
import { listenToServiceWorker } from './reminders/sw-messages';
import { followDayStart, loadToday, primeToday, todayStore } from './today/store';

// Adopt the request index.html preloaded; Today renders as soon as both it and this code are in.
primeToday(fetchTodayResponse());
void loadToday();
void initSync();
followDayStart();
listenToServiceWorker();

// The first answer from the server brings the account's language (chosen on another device,
// perhaps): switch to it once. Later changes come from this device's own Settings card.
const stopAdopting = todayStore.subscribe(() => {
  const { data, source } = todayStore.get();
  if (!data || source !== 'network') return;
  stopAdopting();
  void adoptAccountLocale(data.settings.locale);
});

// Only the active language's catalog is fetched, in parallel with Today's data; the first render
// waits for it so no screen flashes in the wrong language.
const { locale, formatLocale } = initialLocale();
activate(locale, formatLocale)
  .catch(() => activate('en'))
  .finally(() => {
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <I18nProvider>
          <App />
        </I18nProvider>
      </StrictMode>,
    );
  });
