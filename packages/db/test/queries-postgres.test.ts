import { createDatabase, type PostgresServer, startPostgres } from '@habit-tracker/test-support';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase } from '../src/index';
import { defineQuerySuite } from './query-suite';

let server: PostgresServer;

beforeAll(async () => {
  server = await startPostgres({ label: 'db-queries' });
});

afterAll(async () => {
  await server?.stop();
});

defineQuerySuite('PostgreSQL', async () => {
  const url = await createDatabase(server, 'queries');
  const database = await openDatabase({ url, poolSize: 10 });
  return { database, dispose: () => database.close() };
});
