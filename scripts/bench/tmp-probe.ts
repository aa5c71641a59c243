import { openDatabase } from '@habit-tracker/db';
import { startPostgres } from '@habit-tracker/db/testing';
import { seedDatabase, benchData } from './seed';
import { startServer } from './server-process';
const server = await startPostgres({ label: 'bench-try' });
try {
  const db = await openDatabase({ url: server.url }); await db.close();
  await seedDatabase({ url: server.url }, 200);
  const app = await startServer({ env: { DATABASE_URL: server.url } });
  const data = benchData(200);
  const get = async (path: string, token: string) => {
    const t = performance.now();
    const r = await fetch(app.origin + path, { headers: { cookie: `ht_session=${token}` } });
    const body = await r.text();
    console.log(r.status, path, (performance.now() - t).toFixed(1), 'ms', body.length, body.slice(0, 150));
  };
  for (let i = 0; i < 3; i++) await get('/api/v1/today', data.users[i]!.token);
  await get(`/api/v1/habits/${data.users[0]!.habitIds[0]}/history`, data.users[0]!.token);
  await get('/api/v1/today', data.heavyUser.token);
  if (process.env.HOLD) { console.log(app.origin, server.url); await new Promise((r) => setTimeout(r, Number(process.env.HOLD))); }
  await app.stop();
} finally { await server.stop(); }
