/**
 * Whether we believe a session exists. There is no "am I signed in?" request at boot: the Today
 * request answers it (200 or 401), and any later 401 flips it to signed-out.
 */
import { onUnauthenticated } from '../api/client';
import { createStore } from '../shared/lib/store';

export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';

export const sessionStore = createStore<{ status: SessionStatus }>({ status: 'unknown' });

onUnauthenticated(() => sessionStore.set({ status: 'signed-out' }));

export function markSignedIn(): void {
  if (sessionStore.get().status !== 'signed-in') sessionStore.set({ status: 'signed-in' });
}
