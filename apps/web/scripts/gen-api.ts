/** `npm run gen:api`: regenerates src/api/schema.d.ts after a route change (api-schema.ts). */
import { writeFileSync } from 'node:fs';
import { generateApiSchema, SCHEMA_FILE } from './api-schema';

writeFileSync(SCHEMA_FILE, await generateApiSchema());
console.log(`Wrote ${SCHEMA_FILE}`);
