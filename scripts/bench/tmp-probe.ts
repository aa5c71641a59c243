import { openDatabase } from '@habit-tracker/db';
import { startPostgres } from '@habit-tracker/db/testing';
import { localToday } from './scenarios';
import { benchData, seedDatabase } from './seed';
import { startServer } from './server-process';

const server = await startPostgres({
  label: 'bench-try',
  settings: { fsync: 'on', synchronous_commit: 'on' },
});
try {
  const db = await openDatabase({ url: server.url });
  await db.close();
  await seedDatabase({ url: server.url }, 200);
  const app = await startServer({
    env: { DATABASE_URL: server.url },
    nodeArgs: ['--cpu-prof', '--cpu-prof-dir=/tmp/bench-prof'],
  });
  const data = benchData(200);
  const kind = process.env.PROBE ?? 'today';
  const n = 400;
  const t = performance.now();
  for (let i = 0; i < n; i++) {
    const u = data.users[i % 200]!;
    const cookie = `ht_session=${u.token}`;
    if (kind === 'checkin') {
      const p = `/api/v1/habits/${u.booleanHabitIds[i % 3]}/checkins/${localToday(u.timeZone)}`;
      const r1 = await fetch(app.origin + p, {
        method: 'PUT',
        headers: { cookie, origin: app.origin, 'content-type': 'application/json' },
        body: '{"state":"done"}',
      });
      const b = await r1.text();
      if (!r1.ok) console.log(r1.status, b);
      const r2 = await fetch(app.origin + p, {
        method: 'DELETE',
        headers: { cookie, origin: app.origin },
      });
      await r2.text();
    } else {
      const p =
        kind === 'today'
          ? '/api/v1/today'
          : kind === 'health'
            ? '/api/health'
            : `/api/v1/habits/${u.habitIds[i % 5]}/history`;
      const r = await fetch(app.origin + p, { headers: { cookie } });
      await r.text();
    }
  }
  console.log(
    kind,
    n,
    'iterations',
    ((performance.now() - t) / n).toFixed(1),
    'ms each; server cpu',
    app.readCpuMs(),
  );
  await app.stop();
} finally {
  await server.stop();
}
