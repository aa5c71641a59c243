/**
 * The committed schema.d.ts matches the server's routes: a route changed without
 * `npm run gen:api` fails here, before the client compiles against a contract that is gone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateApiSchema, SCHEMA_FILE } from '../../scripts/api-schema';

describe('src/api/schema.d.ts', () => {
  it('is what `npm run gen:api` generates from the server’s current OpenAPI document', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    const generated = await generateApiSchema();
    // A plain equality on 5,000 lines prints a useless diff; say what to do instead.
    expect(
      committed === generated,
      'apps/web/src/api/schema.d.ts is stale: run `npm run gen:api` and commit the result',
    ).toBe(true);
    // And it is a real document, not an empty one that would match an empty file.
    expect(generated).toContain('"/api/v1/habits/{id}/checkins/{date}"');
  }, 60_000);
});
