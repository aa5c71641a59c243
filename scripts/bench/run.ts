/**
 * `npm run bench`: builds the server, seeds each backend, measures cold start and the API under
 * load, and writes docs/benchmarks.md (our section) and docs/benchmarks/single-machine.json.
 *
 *   --backend postgres|pglite|both   (default both)
 *   --duration SEC   measured seconds per scenario and repetition (default 10)
 *   --warmup SEC     unmeasured load before each scenario (default 3)
 *   --repeat N       measured repetitions per scenario; the report gives median and min–max
 *   --connections N  (default 50)
 *   --users N        seeded users (default 2000)
 *   --quick          smoke run: 200 users, 1 s warm-up, 2 s per scenario; prints the table but
 *                    leaves the docs alone unless --write is given
 *   --write / --no-write   force writing the docs and JSON on or off
 *   --scenario NAME  only this scenario (repeatable), e.g. --scenario today --scenario live;
 *                    like --quick it leaves the docs alone unless --write is given
 *   --cpu-prof DIR   run the measured server with `node --cpu-prof` and write its profile to DIR
 *                    (one .cpuprofile per backend, for Chrome DevTools or speedscope); like
 *                    --quick it leaves the docs alone unless --write is given
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findPostgresBinDir, type PostgresServer, startPostgres } from '@habit-tracker/db/testing';
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
import { preflight, runLoad, SCENARIOS, seededRandom, stopActiveLoad } from './scenarios';
import { benchData, type SeedTarget, seedDatabase } from './seed';
import {
  REPO_ROOT,
  readProcessTreeCpuMs,
  SERVER_ENTRY,
  type ServerProcess,
  startServer,
} from './server-process';

const COLD_START_SAMPLES = 5;
const LOAD_SEED = 7;
const MIB = 1024;

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
  cpuProfileDir?: string;
  /** Names of the scenarios to run; all when empty. */
  scenarios: string[];
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      backend: { type: 'string', default: 'both' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      repeat: { type: 'string', default: '1' },
      connections: { type: 'string', default: '50' },
      users: { type: 'string' },
      quick: { type: 'boolean', default: false },
      write: { type: 'boolean' },
      'no-write': { type: 'boolean' },
      'cpu-prof': { type: 'string' },
      scenario: { type: 'string', multiple: true },
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
  const unknown = scenarios.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `unknown --scenario ${unknown.join(', ')}; one of ${SCENARIOS.map((s) => s.name).join(', ')}`,
    );
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
    durationSec: positive('duration', values.duration, quick ? 2 : 10),
    repeat: Math.floor(positive('repeat', values.repeat, 1)),
    ...(values['cpu-prof'] ? { cpuProfileDir: resolve(values['cpu-prof']) } : {}),
  };
}

/** Undo steps, run last-in first-out on success, failure and Ctrl-C alike. */
const cleanups: (() => Promise<void> | void)[] = [];

async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) {
    const step = cleanups.pop()!;
    try {
      await step();
    } catch (error) {
      console.error('bench: cleanup step failed:', error);
    }
  }
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Always rebuilds: esbuild takes well under a second, and a stale bundle would measure old code. */
function buildServer(): void {
  log('bench: building the server (npm run build -w @habit-tracker/server)');
  const result = spawnSync('npm', ['run', 'build', '-w', '@habit-tracker/server'], {
    cwd: REPO_ROOT,
    // stdout carries only the results table.
    stdio: ['ignore', 2, 2],
  });
  if (result.status !== 0) throw new Error(`the server build failed (exit ${result.status})`);
  if (!existsSync(SERVER_ENTRY)) throw new Error(`the build did not produce ${SERVER_ENTRY}`);
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
      env: { DATABASE_URL: server.url },
      seedTarget: () => ({ url: server.url }),
      setup:
        'A throwaway PostgreSQL cluster on the same machine, over TCP on 127.0.0.1, with production durability ' +
        '(`fsync`, `synchronous_commit` and `full_page_writes` on, `shared_buffers` 256MB); the server uses ' +
        'its default pool of 10 connections.',
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
  env: Record<string, string>,
  options: { timeoutMs?: number; nodeArgs?: string[] } = {},
) {
  const server = await startServer({ env, ...options });
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

async function measureScenario(
  server: ServerProcess,
  prepared: PreparedBackend,
  options: Options,
  scenario: (typeof SCENARIOS)[number],
  data: ReturnType<typeof benchData>,
): Promise<ScenarioReport> {
  const requests = scenario.requests(server.origin, data, seededRandom(LOAD_SEED));
  await preflight(server.origin, requests);
  const load = { origin: server.origin, requests, connections: options.connections };
  await runLoad({ ...load, durationSec: options.warmupSec });
  await server.waitUntilIdle();

  const runs: RunMetrics[] = [];
  for (let repetition = 0; repetition < options.repeat; repetition++) {
    server.resetPeakMemory();
    const cpuBefore = server.readCpuMs();
    const databaseCpuBefore = prepared.databasePid
      ? readProcessTreeCpuMs(prepared.databasePid())
      : 0;
    const result = await runLoad({ ...load, durationSec: options.durationSec });
    await server.waitUntilIdle();
    const serverCpuMs = server.readCpuMs() - cpuBefore;
    const databaseCpuMs = prepared.databasePid
      ? readProcessTreeCpuMs(prepared.databasePid()) - databaseCpuBefore
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
    runs.push(run);
    log(
      `  ${scenario.name.padEnd(12)} ${run.requestsPerSec.toFixed(0).padStart(6)} req/s  ` +
        `p50 ${run.p50Ms.toFixed(1)} ms  p95 ${run.p95Ms.toFixed(1)} ms  p99 ${run.p99Ms.toFixed(1)} ms  ` +
        `non-2xx ${run.non2xx}  errors ${run.errors}  peak RSS ${run.peakRssMib.toFixed(0)} MiB`,
    );
  }
  return { name: scenario.name, description: scenario.description, runs };
}

async function benchBackend(backend: Backend, options: Options): Promise<BackendReport> {
  log(`\nbench: ${backend}`);
  const cleanupDepth = cleanups.length;
  const prepared = await prepareBackend(backend);

  // The first start migrates the empty database, exactly as a fresh install does.
  const migrating = await startTrackedServer(prepared.env, { timeoutMs: 180_000 });
  log(
    `bench: ${backend} migrated by the server's first start (${migrating.server.startupMs.toFixed(0)} ms)`,
  );
  await migrating.stop();

  const seed = await seedDatabase(prepared.seedTarget(), options.users);
  log(
    `bench: seeded ${seed.users} users, ${seed.habits} habits, ${seed.checkins} check-ins in ${seed.seconds.toFixed(1)} s`,
  );

  const coldStarts: number[] = [];
  for (let sample = 0; sample < COLD_START_SAMPLES; sample++) {
    const started = await startTrackedServer(prepared.env);
    coldStarts.push(started.server.startupMs);
    await started.stop();
  }
  log(`bench: cold start ${coldStarts.map((ms) => ms.toFixed(0)).join(', ')} ms`);

  const { server, stop } = await startTrackedServer(prepared.env, {
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
  const scenarios: ScenarioReport[] = [];
  const chosen = SCENARIOS.filter(
    (s) => options.scenarios.length === 0 || options.scenarios.includes(s.name),
  );
  for (const scenario of chosen) {
    try {
      scenarios.push(await measureScenario(server, prepared, options, scenario, data));
    } catch (error) {
      throw new Error(
        `${backend} / ${scenario.name}: ${(error as Error).message}\n--- server output (tail) ---\n${server.output()}`,
      );
    }
  }
  await stop();
  // Stop this backend's database and remove its files before the next backend runs.
  while (cleanups.length > cleanupDepth) {
    await cleanups.pop()!();
  }
  return {
    backend,
    setup: prepared.setup,
    seed,
    coldStartMs: { ...spread(coldStarts), samples: coldStarts },
    idleRssMib,
    loadAverageBefore,
    peakIsPerScenario,
    scenarios,
  };
}

async function main(): Promise<void> {
  const options = parseOptions();
  buildServer();
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
      repeat: options.repeat,
    },
    backends: [],
  };
  for (const backend of options.backends) {
    report.backends.push(await benchBackend(backend, options));
  }
  const markdown = renderMarkdown(report);
  process.stdout.write(`\n${markdown}\n`);
  if (options.write) {
    writeMarkdownSection(markdown);
    writeJson(report);
    log(`\nbench: wrote ${DOC_PATH} and ${JSON_PATH}`);
  } else {
    log(
      '\nbench: docs/benchmarks.md left alone (--quick or --cpu-prof; pass --write to update it)',
    );
  }
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
