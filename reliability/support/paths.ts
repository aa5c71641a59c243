import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const SERVER_DIR = join(REPO_ROOT, 'apps', 'server');
/** The suite's own copy of apps/server/dist, made once per run by global-setup.ts. */
export const BUNDLE_DIR = join(REPO_ROOT, 'reliability', '.bundle');
export const BUNDLE_MAIN = join(BUNDLE_DIR, 'main.js');
export const RESULTS_FILE = join(REPO_ROOT, 'reliability', 'results', 'latest.json');
