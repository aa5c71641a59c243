import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { fetchTodayResponse } from './api/client';
import { App } from './app';
import { initSync } from './offline/sync';
import { listenToServiceWorker } from './reminders/sw-messages';
import { followDayStart, loadToday, primeToday } from './today/store';

// Adopt the request index.html preloaded; Today renders as soon as both it and this code are in.
primeToday(fetchTodayResponse());
void loadToday();
void initSync();
followDayStart();
listenToServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
