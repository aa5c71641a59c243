/**
 * Once per run: builds the server bundle from the current source (about a second) and copies it
 * to reliability/.bundle. Every server the suite starts — and restarts after killing it — then
 * runs the same code, even when someone rebuilds apps/server/dist meanwhile (the build empties
 * that folder first). The copy stays inside the repo so its bare imports resolve from the root
 * node_modules, as the bundle's do.
 */
import { spawnSync } from 'node:child_process';
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLE_DIR, SERVER_DIR } from './paths';

export default async function buildServerBundle(): Promise<void> {
  const build = spawnSync(process.execPath, ['build.mjs'], {
    cwd: SERVER_DIR,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (build.status !== 0) {
    throw new Error(`building the server bundle failed:\n${build.stdout}\n${build.stderr}`);
  }
  await rm(BUNDLE_DIR, { recursive: true, force: true });
  await cp(join(SERVER_DIR, 'dist'), BUNDLE_DIR, { recursive: true });
}
