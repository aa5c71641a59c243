/**
 * Builds one migrated PGlite database per test run; each test file then starts from a copy of
 * its folder. Creating a PGlite cluster from scratch (initdb inside WebAssembly) takes 5–15 s,
 * opening a copy about 2 s: that is most of the suite's time budget.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@habit-tracker/db';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplateDir: string;
  }
}

export default async function setup(project: TestProject) {
  const root = await mkdtemp(join(tmpdir(), 'ht-server-pglite-template-'));
  const dataDir = join(root, 'data');
  const database = await openDatabase({ dataDir });
  await database.close();
  project.provide('pgliteTemplateDir', dataDir);
  return () => rm(root, { recursive: true, force: true });
}
