/**
 * The deploy's release command (fly.toml [deploy] release_command = "node dist/release.js"):
 * applies pending migrations to the primary database, gives habits without a stored summary one
 * (packages/db summaries.ts), and exits. Fly runs it once per deploy, in
 * a temporary machine of the primary region, before any machine gets the new code.
 *
 * Only DATABASE_URL (the primary) is used, never a replica's DATABASE_READ_URL: a replica is
 * read-only and receives the schema change through replication. Without DATABASE_URL it
 * migrates the embedded database in DATA_DIR, as the server would at start.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { backfillHabitSummaries, openDatabase } from '@habit-tracker/db';
import { EnvError, loadEnv } from './env';

async function release(): Promise<void> {
  const env = loadEnv();
  const started = performance.now();
  const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
  const database = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolSize: 1,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    // Bundled (dist/release.js), the migrations sit beside it; from source, the data layer's own.
    migrationsFolder: existsSync(migrationsFolder) ? migrationsFolder : undefined,
  });
  const migrated = performance.now();
  // Habits from before summaries existed get one now, so no Today view walks a whole history.
  const built = await backfillHabitSummaries(database, new Date(), (count) =>
    console.log(`release: habit summaries built: ${count}`),
  );
  await database.close();
  const target = env.DATABASE_URL
    ? `PostgreSQL ${new URL(env.DATABASE_URL).host}`
    : `PGlite in ${env.DATA_DIR}`;
  console.log(
    `migrations applied to ${target} in ${Math.round(migrated - started)} ms; ` +
      `${built} habit summaries built in ${Math.round(performance.now() - migrated)} ms`,
  );
}

release().catch((error: unknown) => {
  console.error(
    'release: migrations failed:',
    error instanceof EnvError || !(error instanceof Error) ? error : error.message,
  );
  process.exit(1);
});
