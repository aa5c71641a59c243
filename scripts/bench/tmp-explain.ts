import pg from 'pg';
import { openDatabase } from '@habit-tracker/db';
import { startPostgres } from '@habit-tracker/db/testing';
const server = await startPostgres({ label: 'bench-try', settings: { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on', shared_buffers: '256MB' } });
try {
  const db = await openDatabase({ url: server.url }); await db.close();
  const { seedDatabase } = await import('./seed');
  await seedDatabase({ url: server.url }, 100);
  const c = new pg.Client(server.url); await c.connect();
  await c.query('delete from checkins');  await c.query('vacuum checkins');
  await c.query('set session_replication_role = replica');
  const sql = process.env.SQL!;
  const r = await c.query('explain (analyze, buffers, wal) ' + sql);
  console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
  await c.end();
} finally { await server.stop(); }
