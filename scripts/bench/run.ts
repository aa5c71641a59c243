/**
 * `npm run bench`: builds the server and the web app, seeds each backend, measures cold start,
 * the API under load and the Today view's two ceilings (the framework's: `live`; the database's:
 * `db-ceiling`, its queries through the data layer without HTTP), weighs the web app's
 * first-load assets, checks issue 5's budgets, and writes docs/benchmarks.md (our section) and
 * docs/benchmarks/single-machine.json. It says at the start how long the run should take
 * (a default run of both backends: about 20 minutes on 2 cores).
 *
 *   --backend postgres|pglite|both   (default both)
 *   --duration SEC   measured seconds per scenario and repetition (default 20)
 *   --warmup SEC     unmeasured load before each scenario (default 3)
 *   --repeat N       measured repetitions per scenario (default 3); the report gives the median
 *                    and min–max
 *   --pglite-repeat N  PGlite's repetitions (default: --repeat, lowered if both backends would
 *                    take over ~25 minutes; the budgets are PostgreSQL's)
 *   --connections N  (default 50; also the database ceiling's concurrent callers)
 *   --users N        seeded users (default 2000)
 *   --quick          smoke run: 200 users, 1 s warm-up, 2 s per scenario, one repetition;
 *                    prints the tables and budgets but leaves the docs alone unless --write
 *   --write / --no-write   force writing the docs and JSON on or off
 *   --scenario NAME  only this scenario (repeatable), e.g. --scenario today --scenario live;
 *                    `db-ceiling` names the database ceiling (PostgreSQL only); like --quick it
 *                    leaves the docs alone unless --write is given
 *   --cpu-prof DIR   run the measured server with `node --cpu-prof` and write its profile to DIR
 *                    (one .cpuprofile per backend, for Chrome DevTools or speedscope); like
 *                    --quick it leaves the docs alone unless --write is given
 *   --peer DIR       also run the original design (e.g. /work/shared/peers/seed-next) beside
 *                    PostgreSQL: prepared in a temp copy unless DIR is already a writable, built
 *                    one (npm install + next build, a few minutes; the copy is kept and named so
 *                    a later run can reuse it), seeded by its own script with --users on its own
 *                    cluster with our durability settings; cold start, and its `dashboard` and
 *                    `entries` each run right after our `today` and `checkin` (A B A B), then a
 *                    table of ratios (ours ÷ its) against the goals
 *   --peer-node PATH the node that builds and runs the peer (default /usr/bin/node, which it
 *                    was built with, else ours)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  findPostgresBinDir,
  type PostgresServer,
  readProcessTreeCpuMs,
  startPostgres,
} from '@habit-tracker/test-support';
import type { RequestSpec } from 'autocannon';
import { evaluateBudgets } from './budgets';
import {
  type CeilingReport,
  DATABASE_CEILING_NAME,
  measureDatabaseCeiling,
} from './database-ceiling';
import {
  defaultPeerNode,
  PEER_PAIRS,
  type PeerBuild,
  type PeerSeed,
  peerRequests,
  preparePeer,
  resetPeerEntries,
  seedPeer,
  startPeerServer,
} from './peer';
import type { PeerReport } from './peer-report';
import {
  type Backend,
  type BackendReport,
  type BenchReport,
  DOC_PATH,
  describeCommit,
  describeMachine,
  JSON_PATH,
  type RunMetrics,
  renderMarkdown,
  type ScenarioReport,
  spread,
  writeJson,
  writeMarkdownSection,
} from './report';
import { planRepetitions, type Repetitions, RUN_TARGET_MINUTES } from './run-plan';
import { preflight, runLoad, SCENARIOS, seededRandom, stopActiveLoad } from './scenarios';
import { benchData, type SeedTarget, seedDatabase } from './seed';
import {
  REPO_ROOT,
  SERVER_ENTRY,
  type ServerProcess,
  snapshotServerBuild,
  startServer,
} from './server-process';
import { buildAndMeasureWebAssets } from './web-assets';

const COLD_START_SAMPLES = 5;
const LOAD_SEED = 7;
const MIB = 1024;
/** The server's pool, set explicitly so the database ceiling is sure to use the same size. */
const SERVER_POOL_SIZE = 10;

/** Realistic durability: the test defaults turn fsync off, production never would. */
const POSTGRES_SETTINGS = {
  fsync: 'on',
  synchronous_commit: 'on',
  full_page_writes: 'on',
  shared_buffers: '256MB',
};

interface Options {
  backends: Backend[];
  quick: boolean;
  write: boolean;
  users: number;
  connections: number;
  warmupSec: number;
  durationSec: number;
  repeat: number;
  /** PGlite's repetitions when given; else planned from `repeat` and the run's length. */
  pgliteRepeat?: number;
  cpuProfileDir?: string;
  /** Names of the scenarios to run (HTTP ones and `db-ceiling`); all when empty. */
  scenarios: string[];
  /** The original design's folder (`--peer`), run beside PostgreSQL. */
  peer?: string;
  peerNode: string;
}

/** Everything a backend's run needs besides the options: where the server is, how often. */
interface BackendRun {
  serverEntry: string;
  repeat: number;
  /** The prepared peer, compared with PostgreSQL. */
  peer?: PeerBuild;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      backend: { type: 'string', default: 'both' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      repeat: { type: 'string' },
      'pglite-repeat': { type: 'string' },
      connections: { type: 'string', default: '50' },
      users: { type: 'string' },
      quick: { type: 'boolean', default: false },
      write: { type: 'boolean' },
      'no-write': { type: 'boolean' },
      'cpu-prof': { type: 'string' },
      scenario: { type: 'string', multiple: true },
      peer: { type: 'string' },
      'peer-node': { type: 'string' },
    },
    allowPositionals: false,
  });
  const positive = (name: string, text: string | undefined, fallback: number) => {
    const value = text === undefined ? fallback : Number(text);
    if (!Number.isFinite(value) || value <= 0)
      throw new Error(`--${name} must be a positive number`);
    return value;
  };
  const backends: Record<string, Backend[]> = {
    both: ['postgres', 'pglite'],
    postgres: ['postgres'],
    pglite: ['pglite'],
  };
  const chosen = backends[values.backend];
  if (!chosen) throw new Error('--backend must be postgres, pglite or both');
  const quick = values.quick;
  const scenarios = values.scenario ?? [];
  const known = [...SCENARIOS.map((s) => s.name), DATABASE_CEILING_NAME];
  const unknown = scenarios.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new Error(`unknown --scenario ${unknown.join(', ')}; one of ${known.join(', ')}`);
  }
  if (values.peer !== undefined && !chosen.includes('postgres')) {
    throw new Error('--peer compares with PostgreSQL: use --backend postgres or both');
  }
  return {
    backends: chosen,
    quick,
    // Smoke runs and profiled runs (slowed by the profiler) leave the published figures alone.
    write: values['no-write']
      ? false
      : (values.write ?? !(quick || values['cpu-prof'] || scenarios.length > 0)),
    scenarios,
    users: Math.floor(positive('users', values.users, quick ? 200 : 2_000)),
    connections: Math.floor(positive('connections', values.connections, 50)),
    warmupSec: positive('warmup', values.warmup, quick ? 1 : 3),
    durationSec: positive('duration', values.duration, quick ? 2 : 20),
    repeat: Math.floor(positive('repeat', values.repeat, quick ? 1 : 3)),
    ...(values['pglite-repeat'] === undefined
      ? {}
      : { pgliteRepeat: Math.floor(positive('pglite-repeat', values['pglite-repeat'], 1)) }),
    ...(values['cpu-prof'] ? { cpuProfileDir: resolve(values['cpu-prof']) } : {}),
    ...(values.peer === undefined ? {} : { peer: values.peer }),
    peerNode: values['peer-node'] ?? defaultPeerNode(),
  };
}

/** Undo steps, run last-in first-out on success, failure and Ctrl-C alike. */
const cleanups: (() => Promise<void> | void)[] = [];

let cleaning: Promise<void> | undefined;

/**
 * Ctrl-C and the end of main() both clean up: they share one pass, so neither exits while the
 * other is still stopping a server or a database.
 */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const step = cleanups.pop()!;
      try {
        await step();
      } catch (error) {
        console.error('bench: cleanup step failed:', error);
      }
    }
  })();
  return cleaning;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/**
 * Always rebuilds: esbuild takes well under a second, and a stale bundle would measure old code.
 * Returns the entry point of the bench's own copy of the build (see snapshotServerBuild).
 */
function buildServer(): string {
  log('bench: building the server (npm run build -w @habit-tracker/server)');
  const result = spawnSync('npm', ['run', 'build', '-w', '@habit-tracker/server'], {
    cwd: REPO_ROOT,
    // stdout carries only the results table.
    stdio: ['ignore', 2, 2],
  });
  if (result.status !== 0) throw new Error(`the server build failed (exit ${result.status})`);
  if (!existsSync(SERVER_ENTRY)) throw new Error(`the build did not produce ${SERVER_ENTRY}`);
  const snapshot = snapshotServerBuild();
  cleanups.push(() => rmSync(snapshot.dir, { recursive: true, force: true }));
  return snapshot.entry;
}

function postgresVersion(): string {
  const postgres = join(findPostgresBinDir(), 'postgres');
  const version = execFileSync(postgres, ['--version'], { encoding: 'utf8' }).trim();
  // "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" → "PostgreSQL 15.18"
  const number = /\(PostgreSQL\) (\S+)/.exec(version)?.[1];
  return number ? `PostgreSQL ${number}` : version;
}

/** PGlite keeps its cluster in DATA_DIR itself or in a folder inside it: find PG_VERSION. */
function findPgliteDir(dataDir: string): string {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return dataDir;
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    if (entry.isDirectory() && existsSync(join(dataDir, entry.name, 'PG_VERSION'))) {
      return join(dataDir, entry.name);
    }
  }
  throw new Error(`no PGlite database (PG_VERSION) found in ${dataDir} after the server started`);
}

interface PreparedBackend {
  env: Record<string, string>;
  /** PostgreSQL's URL, for the database ceiling. */
  url?: string;
  seedTarget: () => SeedTarget;
  setup: string;
  /** PostgreSQL's postmaster, whose process tree is the database's CPU. */
  databasePid?: () => number;
}

async function prepareBackend(backend: Backend): Promise<PreparedBackend> {
  if (backend === 'postgres') {
    log('bench: starting PostgreSQL (fsync on, synchronous_commit on, shared_buffers 256MB)');
    const server: PostgresServer = await startPostgres({
      label: 'bench',
      settings: POSTGRES_SETTINGS,
    });
    cleanups.push(() => server.stop());
    return {
      env: { DATABASE_URL: server.url, DATABASE_POOL_SIZE: String(SERVER_POOL_SIZE) },
      url: server.url,
      seedTarget: () => ({ url: server.url }),
      setup:
        'A throwaway PostgreSQL cluster on the same machine, over TCP on 127.0.0.1, with production durability ' +
        '(`fsync`, `synchronous_commit` and `full_page_writes` on, `shared_buffers` 256MB); the server uses ' +
        `its default pool of ${SERVER_POOL_SIZE} connections.`,
      databasePid: () =>
        Number(readFileSync(join(server.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]),
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'habit-bench-pglite-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  return {
    env: { DATA_DIR: dataDir },
    seedTarget: () => ({ dataDir: findPgliteDir(dataDir) }),
    setup:
      'PGlite (PostgreSQL compiled to WebAssembly) inside the server process, persisting to a temp folder ' +
      '(`DATA_DIR`): one connection, so queries run one at a time.',
  };
}

/** Starts a server and registers its stop with the cleanup stack. */
async function startTrackedServer(
  entry: string,
  env: Record<string, string>,
  options: { timeoutMs?: number; nodeArgs?: string[] } = {},
) {
  const server = await startServer({ entry, env, ...options });
  const stop = () => server.stop();
  cleanups.push(stop);
  return {
    server,
    async stop() {
      await server.stop();
      const index = cleanups.lastIndexOf(stop);
      if (index !== -1) cleanups.splice(index, 1);
    },
  };
}

/** One server under one scenario's load: ours, or the peer's counterpart. */
interface LoadTarget {
  name: string;
  description: string;
  server: ServerProcess;
  requests: RequestSpec[];
  /** PostgreSQL's postmaster, for the database's CPU. */
  databasePid?: () => number;
  /** After the warm-up and each repetition: put back the data the load changed. */
  reset?: () => Promise<void>;
}

async function warmUp(target: LoadTarget, options: Options): Promise<void> {
  await preflight(target.server.origin, target.requests);
  await runLoad({
    origin: target.server.origin,
    requests: target.requests,
    connections: options.connections,
    durationSec: options.warmupSec,
  });
  await target.server.waitUntilIdle();
  await target.reset?.();
}

async function measureRun(target: LoadTarget, options: Options): Promise<RunMetrics> {
  const { server, databasePid } = target;
  server.resetPeakMemory();
  const cpuBefore = server.readCpuMs();
  const databaseCpuBefore = databasePid ? readProcessTreeCpuMs(databasePid()) : 0;
  const result = await runLoad({
    origin: server.origin,
    requests: target.requests,
    connections: options.connections,
    durationSec: options.durationSec,
  });
  await server.waitUntilIdle();
  const serverCpuMs = server.readCpuMs() - cpuBefore;
  const databaseCpuMs = databasePid
    ? readProcessTreeCpuMs(databasePid()) - databaseCpuBefore
    : undefined;
  // CPU is counted until the server is idle again, so it covers every request sent, including
  // the ones still in flight when the run ended.
  const served = Math.max(result.sent, result.responses);
  const run: RunMetrics = {
    requestsPerSec: result.requestsPerSec,
    responses: result.responses,
    p50Ms: result.latencyMs.p50,
    p95Ms: result.latencyMs.p95,
    p99Ms: result.latencyMs.p99,
    maxMs: result.latencyMs.max,
    non2xx: result.non2xx,
    errors: result.errors,
    statusCounts: result.statusCounts,
    peakRssMib: server.readMemory().peakKib / MIB,
    serverCpuMsPerRequest: serverCpuMs / served,
    ...(databaseCpuMs === undefined ? {} : { databaseCpuMsPerRequest: databaseCpuMs / served }),
  };
  await target.reset?.();
  log(
    `  ${target.name.padEnd(12)} ${run.requestsPerSec.toFixed(0).padStart(6)} req/s  ` +
      `p50 ${run.p50Ms.toFixed(1)} ms  p95 ${run.p95Ms.toFixed(1)} ms  p99 ${run.p99Ms.toFixed(1)} ms  ` +
      `non-2xx ${run.non2xx}  errors ${run.errors}  peak RSS ${run.peakRssMib.toFixed(0)} MiB`,
  );
  return run;
}

/**
 * Warms each target up, then runs their repetitions in turn (A B A B …), so that whatever else
 * the shared machine does during the run weighs on every target alike.
 */
async function measureAlternating(
  targets: LoadTarget[],
  options: Options,
  repeat: number,
): Promise<ScenarioReport[]> {
  const reports = targets.map((t) => ({
    name: t.name,
    description: t.description,
    runs: [] as RunMetrics[],
  }));
  const explain = (target: LoadTarget, error: unknown) =>
    new Error(
      `${target.name}: ${(error as Error).message}\n--- server output (tail) ---\n${target.server.output()}`,
    );
  for (const target of targets) {
    await warmUp(target, options).catch((error) => {
      throw explain(target, error);
    });
  }
  for (let repetition = 0; repetition < repeat; repetition++) {
    for (const [index, target] of targets.entries()) {
      const run = await measureRun(target, options).catch((error) => {
        throw explain(target, error);
      });
      reports[index]!.runs.push(run);
    }
  }
  return reports;
}

/** The HTTP scenarios this run asks for, in their usual order. */
function chosenScenarios(options: Options): (typeof SCENARIOS)[number][] {
  return SCENARIOS.filter(
    (s) => options.scenarios.length === 0 || options.scenarios.includes(s.name),
  );
}

function wantsDatabaseCeiling(options: Options): boolean {
  return options.scenarios.length === 0 || options.scenarios.includes(DATABASE_CEILING_NAME);
}

async function benchBackend(
  backend: Backend,
  options: Options,
  run: BackendRun,
): Promise<{ backend: BackendReport; peer?: PeerReport }> {
  log(`\nbench: ${backend} (${run.repeat} repetition${run.repeat === 1 ? '' : 's'} per scenario)`);
  const cleanupDepth = cleanups.length;
  const prepared = await prepareBackend(backend);

  // The first start migrates the empty database, exactly as a fresh install does.
  const migrating = await startTrackedServer(run.serverEntry, prepared.env, { timeoutMs: 180_000 });
  log(
    `bench: ${backend} migrated by the server's first start (${migrating.server.startupMs.toFixed(0)} ms)`,
  );
  await migrating.stop();

  const seed = await seedDatabase(prepared.seedTarget(), options.users);
  log(
    `bench: seeded ${seed.users} users, ${seed.habits} habits, ${seed.checkins} check-ins in ${seed.seconds.toFixed(1)} s`,
  );

  // Later starts run as deployed: on PostgreSQL the release command has migrated (fly.toml sets
  // MIGRATE_ON_START=false); the embedded database checks its migrations at every start.
  const servingEnv =
    backend === 'postgres' ? { ...prepared.env, MIGRATE_ON_START: 'false' } : prepared.env;
  const coldStarts: number[] = [];
  for (let sample = 0; sample < COLD_START_SAMPLES; sample++) {
    const started = await startTrackedServer(run.serverEntry, servingEnv);
    coldStarts.push(started.server.startupMs);
    await started.stop();
  }
  log(`bench: cold start ${coldStarts.map((ms) => ms.toFixed(0)).join(', ')} ms`);

  const peer =
    backend === 'postgres' && run.peer ? await preparePeerRun(run.peer, options) : undefined;

  const { server, stop } = await startTrackedServer(run.serverEntry, servingEnv, {
    ...(options.cpuProfileDir
      ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] }
      : {}),
  });
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const idleRssMib = server.readMemory().rssKib / MIB;
  const peakIsPerScenario = server.resetPeakMemory();
  const loadAverageBefore = loadavg()[0]!;
  if (loadAverageBefore > 0.5) {
    log(
      `bench: warning: load average ${loadAverageBefore.toFixed(2)}, something else is using the CPU`,
    );
  }
  const data = benchData(options.users);
  const peerServer = peer ? await peer.start() : undefined;
  const scenarios: ScenarioReport[] = [];
  const peerScenarios: ScenarioReport[] = [];
  for (const scenario of chosenScenarios(options)) {
    const ours: LoadTarget = {
      name: scenario.name,
      description: scenario.description,
      server,
      requests: scenario.requests(server.origin, data, seededRandom(LOAD_SEED)),
      ...(prepared.databasePid ? { databasePid: prepared.databasePid } : {}),
    };
    const pair = PEER_PAIRS.find((p) => p.ours === scenario.name);
    const theirs = peer && peerServer && pair ? peer.target(pair, peerServer.server) : undefined;
    try {
      const [report, peerReport] = await measureAlternating(
        theirs ? [ours, theirs] : [ours],
        options,
        run.repeat,
      );
      scenarios.push(report!);
      if (peerReport) peerScenarios.push(peerReport);
    } catch (error) {
      throw new Error(`${backend} / ${(error as Error).message}`);
    }
  }
  if (peerServer) await peerServer.stop();
  await stop();
  // With the server stopped, the database has the cores to itself and the harness.
  const databaseCeiling =
    prepared.url && wantsDatabaseCeiling(options)
      ? await measureCeiling(prepared, options, run.repeat, data)
      : undefined;
  // Stop this backend's database and remove its files before the next backend runs.
  while (cleanups.length > cleanupDepth) {
    await cleanups.pop()!();
  }
  const backendReport: BackendReport = {
    backend,
    setup: prepared.setup,
    seed,
    coldStartMs: { ...spread(coldStarts), samples: coldStarts },
    idleRssMib,
    loadAverageBefore,
    peakIsPerScenario,
    repeat: run.repeat,
    scenarios,
    ...(databaseCeiling ? { databaseCeiling } : {}),
  };
  return {
    backend: backendReport,
    ...(peer && peerServer ? { peer: peer.report(peerScenarios, peerServer.idleRssMib) } : {}),
  };
}

/**
 * The peer's half of a PostgreSQL run: its own cluster (our durability settings), its own seed,
 * its cold starts; then, for the scenarios, a server to start and the load targets to pair.
 */
async function preparePeerRun(build: PeerBuild, options: Options) {
  log('bench: peer: starting its PostgreSQL (the same settings as ours)');
  const database: PostgresServer = await startPostgres({
    label: 'bench-peer',
    settings: POSTGRES_SETTINGS,
  });
  cleanups.push(() => database.stop());
  const databasePid = () =>
    Number(readFileSync(join(database.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  log(`bench: peer: seeding ${options.users} users with its scripts/seed.ts`);
  const seed: PeerSeed = seedPeer(build, database.url, options.users);
  log(
    `bench: peer: seeded ${seed.users} users, ${seed.habits} habits, ${seed.entries} entries in ${seed.seconds.toFixed(1)} s`,
  );
  const startTracked = async () => {
    const server = await startPeerServer(build, database.url);
    const stop = () => server.stop();
    cleanups.push(stop);
    return {
      server,
      async stop() {
        await server.stop();
        const index = cleanups.lastIndexOf(stop);
        if (index !== -1) cleanups.splice(index, 1);
      },
    };
  };
  const coldStarts: number[] = [];
  for (let sample = 0; sample < COLD_START_SAMPLES; sample++) {
    const started = await startTracked();
    coldStarts.push(started.server.startupMs);
    await started.stop();
  }
  log(`bench: peer: cold start ${coldStarts.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  return {
    async start() {
      const started = await startTracked();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      return { ...started, idleRssMib: started.server.readMemory().rssKib / MIB };
    },
    target(pair: (typeof PEER_PAIRS)[number], server: ServerProcess): LoadTarget {
      return {
        name: pair.peer,
        description: pair.description,
        server,
        requests: peerRequests(pair.peer, seed.sessions, seededRandom(LOAD_SEED)),
        databasePid,
        ...(pair.peer === 'entries' ? { reset: () => resetPeerEntries(database.url, seed) } : {}),
      };
    },
    report(scenarios: ScenarioReport[], idleRssMib: number): PeerReport {
      return {
        source: resolve(options.peer!),
        dir: build.dir,
        nodeVersion: build.nodeVersion,
        nextVersion: build.nextVersion,
        prepareSeconds: build.prepareSeconds,
        setup:
          'Its database is a cluster of its own beside ours, with the same settings (`fsync`, ' +
          '`synchronous_commit` and `full_page_writes` on, `shared_buffers` 256MB; its ' +
          '`db-start.sh` would leave them stock: the same durability, `shared_buffers` 128MB).',
        seed: {
          users: seed.users,
          habits: seed.habits,
          entries: seed.entries,
          seconds: seed.seconds,
        },
        coldStartMs: { ...spread(coldStarts), samples: coldStarts },
        idleRssMib,
        scenarios,
      };
    },
  };
}

async function measureCeiling(
  prepared: PreparedBackend,
  options: Options,
  repeat: number,
  data: ReturnType<typeof benchData>,
): Promise<CeilingReport> {
  const databasePid = prepared.databasePid!;
  return measureDatabaseCeiling({
    url: prepared.url!,
    poolSize: SERVER_POOL_SIZE,
    workers: options.connections,
    warmupSec: options.warmupSec,
    durationSec: options.durationSec,
    repeat,
    users: data.users,
    random: seededRandom(LOAD_SEED),
    readDatabaseCpuMs: () => readProcessTreeCpuMs(databasePid()),
    onRun: (run) =>
      log(
        `  ${DATABASE_CEILING_NAME.padEnd(12)} ${run.requestsPerSec.toFixed(0).padStart(6)} req/s  ` +
          `p50 ${run.p50Ms.toFixed(1)} ms  p95 ${run.p95Ms.toFixed(1)} ms  p99 ${run.p99Ms.toFixed(1)} ms  ` +
          `errors ${run.errors}  (the Today queries through the data layer, no HTTP)`,
      ),
  });
}

function planRun(options: Options): Repetitions {
  const plan = planRepetitions(
    {
      backends: options.backends,
      users: options.users,
      coldStartSamples: COLD_START_SAMPLES,
      warmupSec: options.warmupSec,
      durationSec: options.durationSec,
      httpScenarios: chosenScenarios(options).length,
      databaseCeiling: wantsDatabaseCeiling(options),
      peerScenarios: options.peer
        ? chosenScenarios(options).filter((s) => PEER_PAIRS.some((p) => p.ours === s.name)).length
        : 0,
    },
    options.repeat,
    options.pgliteRepeat,
  );
  const minutes = plan.estimateSeconds / 60;
  log(
    `bench: this run should take about ${minutes < 2 ? `${Math.round(plan.estimateSeconds)} s` : `${Math.round(minutes)} minutes`} ` +
      `on a quiet 2-core machine (${options.backends
        .map(
          (backend) =>
            `${backend}: ${plan.repeat[backend]} × ${options.durationSec} s per scenario`,
        )
        .join(', ')})` +
      (plan.pgliteReduced ? '; PGlite runs fewer repetitions to stay under the target' : '') +
      (plan.estimateSeconds > RUN_TARGET_MINUTES * 60
        ? `; over the ~${RUN_TARGET_MINUTES}-minute target`
        : ''),
  );
  return plan.repeat;
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const options = parseOptions();
  const repeat = planRun(options);
  const peer = options.peer ? preparePeer(options.peer, options.peerNode, log) : undefined;
  const serverEntry = buildServer();
  const webAssets = buildAndMeasureWebAssets(log);
  log(
    `bench: web app first load ${(webAssets.firstLoadJs.gzipBytes / 1000).toFixed(1)} KB JavaScript + ` +
      `${(webAssets.firstLoadCss.gzipBytes / 1000).toFixed(1)} KB CSS (gzip)`,
  );
  const report: BenchReport = {
    date: new Date().toISOString().slice(0, 10),
    commit: describeCommit(),
    machine: describeMachine(postgresVersion()),
    options: {
      quick: options.quick,
      users: options.users,
      connections: options.connections,
      warmupSec: options.warmupSec,
      durationSec: options.durationSec,
      repeat: repeat.postgres,
    },
    backends: [],
    webAssets,
    budgets: [],
  };
  for (const backend of options.backends) {
    const measured = await benchBackend(backend, options, {
      serverEntry,
      repeat: repeat[backend],
      ...(peer ? { peer } : {}),
    });
    report.backends.push(measured.backend);
    if (measured.peer) report.peer = measured.peer;
  }
  report.budgets = evaluateBudgets(report);
  const markdown = renderMarkdown(report);
  process.stdout.write(`\n${markdown}\n`);
  if (options.write) {
    writeMarkdownSection(markdown);
    writeJson(report);
    log(`\nbench: wrote ${DOC_PATH} and ${JSON_PATH}`);
  } else {
    log(
      '\nbench: docs/benchmarks.md left alone (--quick, --scenario or --cpu-prof; pass --write to update it)',
    );
  }
  // Beside the estimate printed at the start, so that the estimate's costs can be kept honest.
  log(`bench: the run took ${((performance.now() - startedAt) / 60_000).toFixed(1)} minutes`);
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    log(`\nbench: ${signal}, cleaning up`);
    stopActiveLoad();
    void cleanUp().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  // After Ctrl-C the run fails on purpose (load stopped, database gone): say nothing more.
  if (!interrupted) console.error(`bench: ${(error as Error).stack ?? error}`);
} finally {
  await cleanUp();
}
