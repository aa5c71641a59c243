import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` (run in packages/db) turns schema changes into committed SQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema.ts',
  out: './migrations',
});
