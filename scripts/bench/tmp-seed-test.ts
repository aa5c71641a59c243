import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@habit-tracker/db';
import { startPostgres } from '@habit-tracker/db/testing';
import { seedDatabase } from './seed';

const users = Number(process.argv[2] ?? 200);
const which = process.argv[3] ?? 'postgres';
if (which === 'postgres') {
  const pg = await startPostgres({
    label: 'bench-try',
    settings: {
      fsync: 'on',
      synchronous_commit: 'on',
      full_page_writes: 'on',
      shared_buffers: '256MB',
    },
  });
  try {
    const db = await openDatabase({ url: pg.url });
    await db.close();
    console.log(await seedDatabase({ url: pg.url }, users));
  } finally {
    await pg.stop();
  }
} else {
  const dir = mkdtempSync(join(tmpdir(), 'bench-try-'));
  try {
    const db = await openDatabase({ dataDir: dir });
    await db.close();
    console.log(await seedDatabase({ dataDir: dir }, users));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
