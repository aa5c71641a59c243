/**
 * The web client's types, generated from the server's own OpenAPI document: the real app
 * (createApp) on a throwaway embedded PostgreSQL answers GET /api/v1/openapi.json in this
 * process, and openapi-typescript turns the answer into `paths`. Shared by `npm run gen:api`
 * (writes the file) and src/api/schema.test.ts (fails when the committed file is stale).
 * See docs/decisions/0021-typed-web-client.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@habit-tracker/db';
import { createApp, createLogger, loadEnv } from '@habit-tracker/server';
import { createLocalStore } from '@habit-tracker/storage';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

export const SCHEMA_FILE = fileURLToPath(new URL('../src/api/schema.d.ts', import.meta.url));

const HEADER = `/**
 * GENERATED FILE — do not edit. Written by \`npm run gen:api\` (apps/web/scripts/gen-api.ts)
 * with openapi-typescript from the server's OpenAPI document (GET /api/v1/openapi.json).
 * src/api/schema.test.ts fails when it is out of date with the server's routes.
 */

`;

/** The server's OpenAPI document, as the running app serves it. */
export async function serverOpenApiDocument(): Promise<OpenAPI3> {
  const dir = mkdtempSync(join(tmpdir(), 'ht-gen-api-'));
  // The document needs no tables; the database is there because createApp wants one.
  const database = await openDatabase({ dataDir: join(dir, 'db'), migrate: false });
  try {
    const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const app = createApp({
      env,
      database,
      logger: createLogger(env),
      storage: createLocalStore(join(dir, 'objects')),
    });
    const response = await app.request('/api/v1/openapi.json');
    if (!response.ok) throw new Error(`GET /api/v1/openapi.json answered ${response.status}`);
    return (await response.json()) as OpenAPI3;
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of src/api/schema.d.ts for the server's current routes. */
export async function generateApiSchema(): Promise<string> {
  // A field with a default is optional in a request (the server fills it in); openapi-typescript
  // would otherwise type it as required.
  const ast = await openapiTS(await serverOpenApiDocument(), { defaultNonNullable: false });
  return HEADER + astToString(ast);
}
