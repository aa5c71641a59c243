import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const THEME = '#4f46e5';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // The app registers the worker itself (lazily, after first paint) and shows an
      // "Update available" prompt; see docs/decisions/0005-web-app.md.
      registerType: 'prompt',
      injectRegister: false,
      // Our own worker (src/sw.ts): the precache below plus reminders (push, notification
      // actions), sharing the check-in outbox with the app.
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // The common-password list (~220 KB gzip) is only for the forms that set a password,
        // which need the network anyway: not worth every install's download.
        globIgnores: ['**/password-policy-*.js'],
      },
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        name: 'Habit Tracker',
        short_name: 'Habits',
        description: 'Build habits that stick: check in, keep streaks, see your progress.',
        id: '/',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f6f7f9',
        theme_color: THEME,
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
    }),
  ],
  build: {
    target: 'es2022',
    // Written for debugging with the build at hand, but not referenced from the scripts, and the
    // server never serves *.map in production (apps/server/src/web/static.ts).
    sourcemap: 'hidden',
    // Keep the check-in critical path in one small chunk; screens load on demand.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
