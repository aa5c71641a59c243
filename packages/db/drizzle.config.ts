import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` (run in packages/db) turns schema changes into committed SQL.
export default defineConfig({
  dialect: 'postgresql',
  // Reminders and Web Push have a file of their own (it imports the tables it refers to).
  schema: ['./src/schema.ts', './src/schema-reminders.ts'],
  out: './migrations',
});
