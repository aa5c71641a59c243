/**
 * Applies pending migrations and exits — the deploy's release command:
 *   npx tsx packages/db/src/migrate-cli.ts
 * Targets DATABASE_URL when set, else the embedded PGlite in DATA_DIR (default ./data), the same
 * choice the server makes at start.
 */
import { openDatabase } from './open';

const url = process.env.DATABASE_URL || undefined;
const dataDir = process.env.DATA_DIR || './data';
const started = performance.now();
const database = await openDatabase(url ? { url, poolSize: 1, migrate: true } : { dataDir });
await database.close();
const target = url ? `PostgreSQL ${new URL(url).host}` : `PGlite in ${dataDir}`;
console.log(`migrations applied to ${target} in ${Math.round(performance.now() - started)} ms`);
