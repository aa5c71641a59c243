/**
 * `npm run bench:regions`: what a user in Virginia, Frankfurt and Singapore waits for, in three
 * topologies on the same lab and data (see deployment.ts), and how many of 10,000 write→read
 * pairs read stale data while replica lag is injected. Writes its table to docs/benchmarks.md
 * between the `bench:regions` markers (the rest of that file belongs to other scripts).
 *
 *   npm run bench:regions [-- --samples 60 --pairs 10000 --concurrency 20 --max-seconds 900]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { REPO_ROOT } from './app-server';
import { type Cluster, startCluster } from './cluster';
import { type Deployment, startDeployment, TOPOLOGY_TITLES, type Topology } from './deployment';
import { PRIMARY_REGION, type Region, regionRtt, USERS, type UserName } from './rtt';
import { type SeededUser, seedUsers, waitForReplicas } from './seed';
import { LabUser } from './user-client';

const { values: args } = parseArgs({
  options: {
    samples: { type: 'string', default: '60' },
    pairs: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '20' },
    'max-seconds': { type: 'string', default: '900' },
    'no-write': { type: 'boolean', default: false },
  },
});
const SAMPLES = Number(args.samples);
const PAIRS = Number(args.pairs);
const CONCURRENCY = Number(args.concurrency);
const MAX_PAIR_SECONDS = Number(args['max-seconds']);
const WARMUP = 5;
const TOPOLOGIES: Topology[] = ['single-region', 'app-everywhere', 'replicas'];
const WEB_ROOT = join(REPO_ROOT, 'apps', 'web', 'dist');
const DOC_PATH = join(REPO_ROOT, 'docs', 'benchmarks.md');
const START_MARKER = '<!-- bench:regions:start -->';
const END_MARKER = '<!-- bench:regions:end -->';
const SESSION_COOKIE = '__Host-ht_session'; // the lab runs servers with NODE_ENV=production

interface Percentiles {
  p50: number;
  p95: number;
  n: number;
}
interface UserResult {
  user: UserName;
  region: Region;
  rttMs: number;
  today: Percentiles;
  checkin: Percentiles;
  checkinThenToday: Percentiles;
  firstLoad: Percentiles;
  stale: number;
  errors: number;
}
/** Today measured at the serving region's API server itself: no WAN, no edge — the floor. */
interface ServerTime {
  region: Region;
  today: Percentiles;
}
interface StaleResult {
  pairs: number;
  stale: number;
  errors: number;
  seconds: number;
  paths: Record<string, number>;
}

let cluster: Cluster | undefined;
let deployment: Deployment | undefined;
const cleanup = async () => {
  await deployment?.stop();
  await cluster?.stop();
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (error) {
  console.error('bench:regions failed:', error);
  process.exitCode = 1;
} finally {
  await cleanup();
}

async function main(): Promise<void> {
  ensureWebBuild();
  const loadBefore = loadavg()[0]!;
  const started = performance.now();
  console.log('starting the lab cluster…');
  cluster = await startCluster();
  const seeded = await seedUsers(cluster.primary.url, USERS.length + CONCURRENCY);
  await waitForReplicas(
    cluster.primary.url,
    Object.values(cluster.replicas).map((r) => r.url),
  );
  const measured = Object.fromEntries(USERS.map((u, i) => [u, seeded[i]!])) as Record<
    UserName,
    SeededUser
  >;
  const workers = seeded.slice(USERS.length);

  const results: Record<Topology, UserResult[]> = {} as Record<Topology, UserResult[]>;
  let stale: StaleResult | undefined;
  let serverTime: ServerTime | undefined;
  for (const topology of TOPOLOGIES) {
    console.log(`\n${TOPOLOGY_TITLES[topology]}`);
    deployment = await startDeployment(cluster, topology, { webRoot: WEB_ROOT });
    const current = deployment;
    results[topology] = await Promise.all(
      USERS.map((user) => measureUser(current, user, measured[user])),
    );
    for (const r of results[topology]) console.log(`  ${formatRow(r)}`);
    if (topology === 'replicas') {
      serverTime = await measureServerTime(current, 'sin', measured.singapore);
      stale = await measureStaleReads(cluster, current, workers);
    }
    await deployment.stop();
    deployment = undefined;
  }
  const seconds = (performance.now() - started) / 1000;
  const markdown = renderMarkdown(results, stale!, serverTime!, loadBefore, seconds);
  console.log(`\n${markdown}`);
  if (!args['no-write']) {
    writeSection(markdown);
    console.log(`written to ${DOC_PATH}`);
  }
}

function ensureWebBuild(): void {
  if (existsSync(join(WEB_ROOT, 'index.html'))) return;
  console.log('building the web app (apps/web/dist) for the page-load measurement…');
  const build = spawnSync('npm', ['run', 'build', '--workspace', 'apps/web'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    timeout: 300_000,
  });
  if (build.status !== 0) throw new Error('web build failed');
}

function signedIn(deployment: Deployment, user: UserName, seeded: SeededUser): LabUser {
  const client = new LabUser(deployment.users[user]);
  client.cookies.set(SESSION_COOKIE, seeded.sessionToken);
  return client;
}

async function measureUser(
  deployment: Deployment,
  user: UserName,
  seeded: SeededUser,
): Promise<UserResult> {
  const client = signedIn(deployment, user, seeded);
  const checkinPath = `/api/v1/habits/${seeded.habitId}/checkins/${utcToday()}`;
  let stale = 0;
  let errors = 0;
  let counter = 0;
  const expectOk = (status: number) => {
    if (status !== 200) errors++;
  };
  try {
    for (let i = 0; i < WARMUP; i++) {
      expectOk((await client.get('/api/v1/today')).status);
      expectOk((await client.put(checkinPath, { state: 'done', note: 'warm-up' })).status);
    }
    const today: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const res = await client.get('/api/v1/today');
      expectOk(res.status);
      today.push(res.ms);
    }
    const checkin: number[] = [];
    const pair: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const note = `${user}-${counter++}`;
      const write = await client.put(checkinPath, { state: 'done', note });
      const read = await client.get('/api/v1/today');
      expectOk(write.status);
      expectOk(read.status);
      if (noteOf(read.body, seeded.habitId) !== note) stale++;
      checkin.push(write.ms);
      pair.push(write.ms + read.ms);
    }
    const firstLoad: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      client.coldStart();
      const { ms, failed } = await loadFirstPage(client);
      errors += failed;
      firstLoad.push(ms);
    }
    return {
      user,
      region: deployment.users[user].region,
      rttMs: deployment.users[user].rttMs,
      today: percentiles(today),
      checkin: percentiles(checkin),
      checkinThenToday: percentiles(pair),
      firstLoad: percentiles(firstLoad),
      stale,
      errors,
    };
  } finally {
    client.close();
  }
}

async function measureServerTime(
  deployment: Deployment,
  region: Region,
  seeded: SeededUser,
): Promise<ServerTime> {
  const server = deployment.regions[region]!.server;
  const client = new LabUser(server);
  client.cookies.set(SESSION_COOKIE, seeded.sessionToken);
  try {
    const samples: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      const res = await client.get('/api/v1/today');
      if (i >= WARMUP) samples.push(res.ms);
    }
    return { region, today: percentiles(samples) };
  } finally {
    client.close();
  }
}

/**
 * A returning, signed-in user opening the app in a fresh browser (no connections, no HTTP cache,
 * no service worker yet): index.html, then everything it names — scripts, module preloads,
 * styles, icons, the manifest and the preloaded /api/v1/today — in parallel over at most six
 * keep-alive connections, as a browser fetches them. Done when the last byte has arrived.
 */
async function loadFirstPage(client: LabUser): Promise<{ ms: number; failed: number }> {
  const started = performance.now();
  const html = await client.get('/');
  let failed = html.status === 200 ? 0 : 1;
  const resources = new Set<string>();
  const tag = /<(script|link)\b[^>]*>/gi;
  for (const [element] of html.text.matchAll(tag)) {
    const url = /\b(?:src|href)="([^"]+)"/i.exec(element)?.[1];
    if (!url?.startsWith('/')) continue;
    if (
      /^<link/i.test(element) &&
      !/rel="(stylesheet|modulepreload|preload|icon|manifest)"/i.test(element)
    ) {
      continue;
    }
    resources.add(url);
  }
  if (resources.size === 0) failed++;
  const responses = await Promise.all([...resources].map((url) => client.get(url)));
  failed += responses.filter((r) => r.status !== 200).length;
  return { ms: performance.now() - started, failed };
}

/**
 * 10,000 write→read pairs by `CONCURRENCY` users spread over the three places, while lag is
 * injected: in turns, normal; both far replicas' replay paused; their replication links 250 ms
 * slower. A read is stale when it does not show the note the same user just wrote.
 */
async function measureStaleReads(
  cluster: Cluster,
  deployment: Deployment,
  workers: SeededUser[],
): Promise<StaleResult> {
  console.log(`  stale-read check: ${PAIRS} write→read pairs, ${workers.length} users at once…`);
  const farRegions = (['fra', 'sin'] as const).filter((r) => cluster.primaryLinks[r]);
  const replicaClients = await Promise.all(
    farRegions.map(async (region) => {
      const client = new pg.Client({ connectionString: cluster.replicas[region].url });
      await client.connect();
      return client;
    }),
  );
  let injecting = true;
  const injector = (async () => {
    const phases = ['normal', 'paused', 'slow-links'] as const;
    for (let i = 0; injecting; i++) {
      const phase = phases[i % phases.length]!;
      if (phase === 'paused') {
        await Promise.all(replicaClients.map((c) => c.query('select pg_wal_replay_pause()')));
      }
      if (phase === 'slow-links') {
        for (const region of farRegions) {
          cluster.primaryLinks[region]!.setRtt(regionRtt(region, PRIMARY_REGION) + 250);
        }
      }
      await sleep(1_500);
      await Promise.all(replicaClients.map((c) => c.query('select pg_wal_replay_resume()')));
      for (const region of farRegions) {
        cluster.primaryLinks[region]!.setRtt(regionRtt(region, PRIMARY_REGION));
      }
    }
  })();

  const started = performance.now();
  const deadline = started + MAX_PAIR_SECONDS * 1000;
  // Each user makes the same number of pairs, so the far regions get their full share.
  const quota = Math.ceil(PAIRS / workers.length);
  let stale = 0;
  let errors = 0;
  let done = 0;
  const paths: Record<string, number> = {};
  await Promise.all(
    workers.map(async (seeded, index) => {
      const user = USERS[index % USERS.length]!;
      const client = signedIn(deployment, user, seeded);
      const path = `/api/v1/habits/${seeded.habitId}/checkins/${utcToday()}`;
      try {
        for (let n = 0; n < quota && performance.now() < deadline; n++) {
          const note = `pair-${index}-${n}`;
          const write = await client.put(path, { state: 'done', note });
          if (write.status !== 200) {
            errors++;
            continue;
          }
          const read = await client.get('/api/v1/today');
          done++;
          if (read.status !== 200) {
            errors++;
            continue;
          }
          if (noteOf(read.body, seeded.habitId) !== note) stale++;
          const source = String(read.headers['x-read-source'] ?? 'unknown').replace(
            /\(waited \d+ ms\)/,
            '(waited)',
          );
          const key = `${deployment.users[user].region}: ${source} in ${read.headers['x-region']}`;
          paths[key] = (paths[key] ?? 0) + 1;
        }
      } finally {
        client.close();
      }
    }),
  );
  injecting = false;
  await injector;
  await Promise.all(replicaClients.map((c) => c.end()));
  const seconds = (performance.now() - started) / 1000;
  console.log(`  ${done} pairs in ${seconds.toFixed(0)} s: ${stale} stale, ${errors} errors`);
  return { pairs: done, stale, errors, seconds, paths };
}

function noteOf(body: unknown, habitId: string): string | null | undefined {
  const habits = (
    body as { habits?: { habit: { id: string }; checkin: { note: string | null } | null }[] }
  )?.habits;
  return habits?.find((h) => h.habit.id === habitId)?.checkin?.note;
}

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), n: sorted.length };
}

function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function pair(p: Percentiles): string {
  return `${ms(p.p50)} / ${ms(p.p95)}`;
}

function formatRow(r: UserResult): string {
  return `${r.user} → ${r.region} (${r.rttMs} ms): today ${pair(r.today)}, check-in ${pair(r.checkin)}, check-in+today ${pair(r.checkinThenToday)}, first load ${pair(r.firstLoad)}, stale ${r.stale}, errors ${r.errors}`;
}

function renderMarkdown(
  results: Record<Topology, UserResult[]>,
  stale: StaleResult,
  serverTime: ServerTime,
  loadBefore: number,
  seconds: number,
): string {
  const lines: string[] = [];
  const commit = gitCommit();
  lines.push(
    `## Multi-region (the lab, \`npm run bench:regions\`)`,
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC at ${commit} on ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version} (1-min load before: ${loadBefore.toFixed(2)}; ${Math.round(seconds)} s in all).`,
    `One machine: PostgreSQL 15 primary (iad) with streaming replicas, one API server and one Fly-like edge per region; every WAN hop is a TCP proxy delaying bytes by the RTTs in \`lab/rtt.json\` (users: 10 / 10 / 8 ms to their nearest region; iad↔fra 89 ms, iad↔sin 217 ms). No TLS. ${SAMPLES} samples per cell, one request at a time per user, milliseconds, **P50 / P95**.`,
    '',
    '| topology | user → region (RTT) | Today view | check-in | check-in, then Today | first page load |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  );
  for (const topology of TOPOLOGIES) {
    for (const r of results[topology]) {
      lines.push(
        `| ${TOPOLOGY_TITLES[topology].replace(/ \(.*\)$/, '')} | ${r.user} → ${r.region} (${r.rttMs} ms) | ${pair(r.today)} | ${pair(r.checkin)} | ${pair(r.checkinThenToday)} | ${pair(r.firstLoad)} |`,
      );
    }
  }
  const errors = TOPOLOGIES.flatMap((t) => results[t]).reduce((n, r) => n + r.errors, 0);
  const pairStale = TOPOLOGIES.flatMap((t) => results[t]).reduce((n, r) => n + r.stale, 0);
  lines.push(
    '',
    'Topologies: **1** single region — API and database in iad, every user goes there; **2** seed design — an API server in every region, the database only in iad (writes and reads cross the ocean, query by query); **3** ours — a replica in every region, reads local with read-your-writes, writes replayed to iad by the edge (`fly-replay`).',
    `"First page load" is a returning signed-in user in a fresh browser: index.html, then its scripts, styles, icons, manifest and the preloaded \`/api/v1/today\` in parallel over ≤ 6 keep-alive connections (no HTTP cache, no service worker). Failed requests in all runs: ${errors}; stale reads in the check-in-then-Today runs: ${pairStale}.`,
    '',
    `**Stale reads of own writes** (topology 3, lag injected: in 1.5 s turns, normal / fra and sin replay paused / their replication links +250 ms): **${stale.stale} stale in ${stale.pairs.toLocaleString('en-US')} write→read pairs** (${CONCURRENCY} users at once spread over the three places, each writing a check-in then reading Today; ${Math.round(stale.seconds)} s, ${stale.errors} errors). Where the reads were served ("replica in iad" = replayed to the primary region after the wait):`,
    '',
    ...Object.entries(stale.paths)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([path, n]) => `- ${path}: ${n}`),
    '',
    ...goals(results.replicas, stale, serverTime),
  );
  return lines.join('\n');
}

function goals(ours: UserResult[], stale: StaleResult, serverTime: ServerTime): string[] {
  const sin = ours.find((r) => r.user === 'singapore')!;
  const todayGoal = sin.rttMs + 10;
  const checkinGoal = todayGoal + regionRtt('sin', PRIMARY_REGION) + 15;
  const verdict = (ok: boolean) => (ok ? '**met**' : '**not met**');
  return [
    'Goals for topology 3:',
    `- Singapore Today P95 ≤ RTT to sin + 10 ms = ${todayGoal} ms: measured ${ms(sin.today.p95)} ms — ${verdict(sin.today.p95 <= todayGoal)}. The same request made at the sin server itself (no network, no edge) takes ${pair(serverTime.today)} ms (P50 / P95): that is the Today view's own cost here (5 habits, one statement to the replica, streaks and scores resumed from stored summaries, on 2 shared cores)${serverTime.today.p95 > 10 ? ', and it alone exceeds the 10 ms budget' : ', within the 10 ms budget'}; the rest is the user's ${sin.rttMs} ms RTT and the lab's two TCP proxies and edge, each a userspace hop on the same 2 cores.`,
    `- Singapore check-in P95 ≤ that goal + one sin↔iad round trip + 15 ms = ${checkinGoal} ms: measured ${ms(sin.checkin.p95)} ms (P50 ${ms(sin.checkin.p50)}) — ${verdict(sin.checkin.p95 <= checkinGoal)}.`,
    `- 0 stale reads: ${stale.stale} in ${stale.pairs.toLocaleString('en-US')} — ${verdict(stale.stale === 0 && stale.pairs > 0)}.`,
  ];
}

function writeSection(markdown: string): void {
  const section = `${START_MARKER}\n${markdown}\n${END_MARKER}`;
  let doc = existsSync(DOC_PATH) ? readFileSync(DOC_PATH, 'utf8') : '# Benchmarks\n';
  const start = doc.indexOf(START_MARKER);
  const end = doc.indexOf(END_MARKER);
  if (start !== -1 && end > start) {
    doc = doc.slice(0, start) + section + doc.slice(end + END_MARKER.length);
  } else {
    doc = `${doc.trimEnd()}\n\n${section}\n`;
  }
  writeFileSync(DOC_PATH, doc);
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'an unknown commit';
  }
}

function utcToday(): string {
  return new Date().toISOString().slice(0, 10);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
