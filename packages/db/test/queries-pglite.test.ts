import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/index';
import { defineQuerySuite } from './query-suite';

defineQuerySuite('PGlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'habit-pglite-'));
  const database = await openDatabase({ dataDir: join(dir, 'data') });
  return {
    database,
    async dispose() {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
