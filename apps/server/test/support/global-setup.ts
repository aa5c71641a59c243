/**
 * One migrated PGlite database for the whole run; each test file starts from a copy of its
 * folder. Creating a PGlite cluster from scratch (initdb inside WebAssembly) takes 5–20 s,
 * copying and opening one about 2 s — the difference is most of the suite's time budget.
 *
 * The template is kept between runs in the temp folder, keyed by the migrations and the PGlite
 * version, so only the first run after a schema change pays for initdb.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MIGRATIONS_FOLDER, openDatabase } from '@habit-tracker/db';
import { type RadosgwConnection, startRadosgw } from '@habit-tracker/test-support';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplateDir: string;
    /** A real S3 (Ceph radosgw) for the storage-backed routes; each file makes its own bucket. */
    radosgw: RadosgwConnection;
  }
}

export default async function setup(project: TestProject) {
  const [template, radosgw] = await Promise.all([
    pgliteTemplate(),
    startRadosgw({ label: 'server' }),
  ]);
  project.provide('pgliteTemplateDir', template);
  const { endpoint, region, accessKeyId, secretAccessKey } = radosgw;
  project.provide('radosgw', { endpoint, region, accessKeyId, secretAccessKey });
  return () => radosgw.stop();
}

async function pgliteTemplate(): Promise<string> {
  const dir = join(tmpdir(), `ht-server-pglite-template-${await templateKey()}`);
  if (existsSync(join(dir, 'PG_VERSION'))) return dir;

  // Built beside its final place and renamed into it, so a run killed midway (or a parallel
  // run) never leaves a half-made template behind under the final name.
  const building = await mkdtemp(`${dir}-building-`);
  const dataDir = join(building, 'data');
  const database = await openDatabase({ dataDir });
  await database.close();
  try {
    await rename(dataDir, dir);
  } catch (error) {
    if (!existsSync(join(dir, 'PG_VERSION'))) throw error; // else another run won the race
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  return dir;
}

async function templateKey(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await pgliteVersion());
  for (const name of (await readdir(MIGRATIONS_FOLDER)).sort()) {
    if (name.endsWith('.sql'))
      hash.update(name).update(await readFile(join(MIGRATIONS_FOLDER, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** PGlite does not export its package.json, so find it above its entry point. */
async function pgliteVersion(): Promise<string> {
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (dir !== dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(await readFile(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@electric-sql/pglite') return pkg.version ?? 'unknown';
    }
    dir = dirname(dir);
  }
  return 'unknown';
}
