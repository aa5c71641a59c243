/**
 * Bundles the server into dist/main.js, and its release command into dist/release.js, for
 * production (`npm start`, the Docker image).
 *
 * Workspace packages (@habit-tracker/*) are TypeScript source, so they are bundled; everything
 * from node_modules stays external and is loaded at runtime (native addons such as argon2 and
 * PGlite's wasm cannot be bundled anyway). The data layer's SQL migrations and, when built, the
 * web app are copied beside the bundle, where main.ts looks for them.
 */

import { existsSync } from 'node:fs';
import { cp, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, 'dist');
const migrations = join(here, '../../packages/db/migrations');
const webBuild = join(here, '../web/dist');

/**
 * Packages that stay in node_modules, loaded at runtime: native addons and WebAssembly (which
 * cannot be bundled), code loaded only on first use (the S3 client, the image library, SQLite in
 * wasm, the SMTP client), and pg's optional native binding. Everything else — hono, zod,
 * drizzle, pg, pino… — is bundled: resolving and compiling hundreds of small modules at every
 * start was most of a cold start (`node --cpu-prof` on startup: module loading ≈ 40% of it).
 */
const EXTERNAL = [
  /^@node-rs\/argon2/,
  /^@electric-sql\/pglite/,
  /^sharp$/,
  /^sql\.js$/,
  /^@aws-sdk\//,
  /^nodemailer$/,
  /^pg-native$/,
];
const externalNodeModules = {
  name: 'external-node-modules',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (EXTERNAL.some((pattern) => pattern.test(args.path))) {
        return { path: args.path, external: true };
      }
      return undefined;
    });
  },
};

const started = performance.now();
await rm(outdir, { recursive: true, force: true });
await build({
  // The server, the deploy's release command (migrations only; fly.toml [deploy]), and the
  // worker that reads uploaded import files (started by jobs/import-reader.ts, found beside
  // main.js at run time).
  entryPoints: {
    main: join(here, 'src/main.ts'),
    release: join(here, 'src/release.ts'),
    'import-worker': join(here, 'src/jobs/import-worker.ts'),
  },
  outdir,
  bundle: true,
  // Code behind a dynamic import (the S3 client, export and import) becomes a chunk of its own,
  // loaded on first use: a cold start does not pay for features a request may never ask for.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  plugins: [externalNodeModules],
  // An ESM bundle has no `require`; give CommonJS code that expects one a real one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
await mkdir(join(outdir, 'migrations'), { recursive: true });
await cp(migrations, join(outdir, 'migrations'), { recursive: true });
if (existsSync(webBuild)) await cp(webBuild, join(outdir, 'web'), { recursive: true });

const ms = Math.round(performance.now() - started);
console.log(
  `built dist/main.js in ${ms} ms${existsSync(webBuild) ? ' (with the web app)' : ' (API only: no apps/web/dist)'}`,
);
