import { parse } from '@formatjs/icu-messageformat-parser';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const THEME = '#4f46e5';

/**
 * The message catalogs (src/i18n/messages/*.json) ship pre-parsed: each ICU message becomes
 * FormatJS's AST at build time, so the browser needs no ICU parser (aliased away below). A
 * message that does not parse fails the build (the catalog check in catalogs.test.ts says which).
 * See docs/decisions/0025-i18n.md.
 */
function precompiledMessages(): Plugin {
  return {
    name: 'habit-tracker:precompiled-messages',
    // Before Vite's JSON plugin, which then turns the AST (still JSON) into a module.
    enforce: 'pre',
    transform: {
      filter: { id: /\/src\/i18n\/messages\/[^/]+\.json$/ },
      handler(code) {
        const messages = JSON.parse(code) as Record<string, string>;
        const compiled = Object.fromEntries(
          Object.entries(messages).map(([key, message]) => [key, parse(message)]),
        );
        return { code: JSON.stringify(compiled), map: null };
      },
    },
  };
}

export default defineConfig({
  resolve: {
    // Catalogs are pre-parsed (precompiledMessages): react-intl never meets an ICU string.
    alias: [
      {
        find: /^@formatjs\/icu-messageformat-parser$/,
        replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
      },
    ],
  },
  plugins: [
    precompiledMessages(),
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
