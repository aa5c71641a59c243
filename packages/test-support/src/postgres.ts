import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { onProcessEnd, processExists } from './exit-hooks';
import { findFreePort } from './free-port';

/**
 * A throwaway PostgreSQL cluster for tests, benchmarks and the local multi-region lab.
 *
 * Each server lives in its own temp folder (data, log, unix socket), listens on 127.0.0.1 at a
 * free port, and trusts every local connection. Postgres refuses to run as root, so when we are
 * root the cluster belongs to the `postgres` OS user and every server binary runs via `runuser`.
 */
export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:PORT/habit_tracker` */
  url: string;
  port: number;
  /** The cluster's PGDATA (inside the temp folder that `stop()` removes). */
  dataDir: string;
  /** The server log, handy when a test needs to explain a failure. */
  logFile: string;
  /** Stops the server (fast shutdown) and removes its temp folder. Safe to call twice. */
  stop(): Promise<void>;
  /** Stops the server (fast shutdown) but keeps its data, like an outage; see `restart`. */
  halt(): Promise<void>;
  /** Starts a halted server again, on the same port with the same data. */
  restart(): Promise<void>;
}

export interface StartPostgresOptions {
  /** Shows up in the temp folder's name, to tell servers apart in `ps` and `ls /tmp`. */
  label?: string;
  /**
   * postgresql.conf settings applied over the test defaults, e.g. the benchmark turns durability
   * back on with `{ fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' }`.
   * `port`, `listen_addresses` and `unix_socket_directories` belong to the harness.
   */
  settings?: Record<string, string>;
}

export interface StartReplicaOptions {
  /** Shows up in the temp folder's name. */
  label?: string;
  /** postgresql.conf settings for the replica, as for `startPostgres`. */
  settings?: Record<string, string>;
  /**
   * Where the replica takes its base backup from and streams WAL from; by default the primary's
   * own address. The multi-region lab points this at a TCP proxy that delays bytes like a WAN
   * link, so the replica lags as a far-away one would.
   */
  upstream?: { host: string; port: number };
}

export interface CreateDatabaseOptions {
  /** Copy this database (e.g. one already migrated) instead of the empty `template0`. */
  template?: string;
}

export const DEFAULT_DATABASE = 'habit_tracker';

const SUPERUSER = 'postgres';
const TEMP_PREFIX = 'habit-pg-';
const OWNER_FILE = 'owner.pid';
const START_TIMEOUT_SECONDS = 30;
const PORT_ATTEMPTS = 5;
const HARNESS_SETTINGS = new Set(['port', 'listen_addresses', 'unix_socket_directories']);

/** Durability is pointless for data that dies with the test run, and costs seconds per suite. */
const TEST_SETTINGS: Record<string, string> = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: '200',
  // The multi-region lab takes streaming replicas of these servers with pg_basebackup.
  wal_level: 'replica',
  max_wal_senders: '10',
};

const INSTALL_HINT =
  'Install the server with `apt-get install -y postgresql-15` (Debian 12; `postgresql` elsewhere), ' +
  'or point PG_BIN at a folder holding initdb and pg_ctl.';

interface RunningServer {
  rootDir: string;
  dataDir: string;
}

/** Servers still running in this process, so an exit or signal can stop them. */
const running = new Set<RunningServer>();

/** What every cluster starts from: the binaries, the exit hooks, and a temp folder of its own. */
async function newCluster(label: string, extraSettings: Record<string, string> | undefined) {
  const binDir = findPostgresBinDir();
  const runAs = postgresRunner();
  const settings = mergeSettings(extraSettings);
  installExitHooksOnce(binDir, runAs);
  stopOrphanedServersOnce(binDir, runAs);
  const safeLabel = label.replace(/[^a-zA-Z0-9_-]/g, '-');
  const rootDir = await mkdtemp(join(tmpdir(), `${TEMP_PREFIX}${safeLabel}-`));
  const server: RunningServer = { rootDir, dataDir: join(rootDir, 'data') };
  return { binDir, runAs, settings, label: safeLabel, server };
}

/** Marks the folder as this process's (the orphan sweep reads it) and hands it to the runner. */
async function claimFolder(server: RunningServer, runAs: Runner): Promise<void> {
  await writeFile(join(server.rootDir, OWNER_FILE), String(process.pid));
  if (runAs.owner) await chown(server.rootDir, runAs.owner.uid, runAs.owner.gid);
}

export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresServer> {
  const { binDir, runAs, settings, server } = await newCluster(
    options.label ?? 'test',
    options.settings,
  );
  const { rootDir, dataDir } = server;

  try {
    await claimFolder(server, runAs);
    await runOrThrow(runAs, rootDir, join(binDir, 'initdb'), [
      `--pgdata=${dataDir}`,
      '--auth=trust',
      `--username=${SUPERUSER}`,
      '--encoding=UTF8',
      '--no-locale',
      '--no-sync',
      '--no-instructions',
    ]);
    const initdbConf = await readFile(join(dataDir, 'postgresql.conf'), 'utf8');

    const port = await launch(server, initdbConf, settings, binDir, runAs);

    const adminUrl = serverUrl(port, 'postgres');
    await withClient(adminUrl, (client) =>
      client.query(`CREATE DATABASE ${pg.escapeIdentifier(DEFAULT_DATABASE)} TEMPLATE template0`),
    );
    return handleFor(server, port, binDir, runAs);
  } catch (error) {
    stopServerSync(server, binDir, runAs);
    throw error;
  }
}

/**
 * Starts a streaming replica of `primary`: a base backup taken with `pg_basebackup -R` (which
 * writes standby.signal and primary_conninfo), through `upstream` when given, with a replication
 * slot so the primary keeps the WAL a halted or slow replica still needs. It serves read-only
 * queries (hot standby) at its own `url`, and lags the primary by whatever delays `upstream`.
 */
export async function startReplica(
  primary: Pick<PostgresServer, 'url' | 'port'>,
  options: StartReplicaOptions = {},
): Promise<PostgresServer> {
  const { binDir, runAs, settings, label, server } = await newCluster(
    options.label ?? 'replica',
    options.settings,
  );
  const { rootDir, dataDir } = server;
  const upstream = options.upstream ?? { host: '127.0.0.1', port: primary.port };
  const slot = `replica_${label.toLowerCase().replace(/[^a-z0-9_]/g, '_')}_${process.pid}_${Date.now()}`;

  try {
    await claimFolder(server, runAs);
    await runOrThrow(runAs, rootDir, join(binDir, 'pg_basebackup'), [
      `--pgdata=${dataDir}`,
      `--host=${upstream.host}`,
      `--port=${upstream.port}`,
      `--username=${SUPERUSER}`,
      '--write-recovery-conf',
      '--wal-method=stream',
      '--checkpoint=fast',
      '--create-slot',
      `--slot=${slot}`,
      '--no-sync',
      '--no-password',
    ]);
    // The copy carries the primary's postgresql.conf (its port among it): ours goes last and wins.
    const copiedConf = await readFile(join(dataDir, 'postgresql.conf'), 'utf8');
    const port = await launch(
      server,
      copiedConf,
      { hot_standby: 'on', ...settings },
      binDir,
      runAs,
    );
    return handleFor(server, port, binDir, runAs);
  } catch (error) {
    stopServerSync(server, binDir, runAs);
    throw error;
  }
}

/** Writes postgresql.conf with a free port and starts the server; returns the port. */
async function launch(
  server: RunningServer,
  baseConf: string,
  settings: Record<string, string>,
  binDir: string,
  runAs: Runner,
): Promise<number> {
  const { rootDir, dataDir } = server;
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort();
    await writeFile(
      join(dataDir, 'postgresql.conf'),
      baseConf +
        renderSettings({ ...settings, port: String(port), unix_socket_directories: rootDir }),
    );
    running.add(server);
    const start = await startCluster(server, binDir, runAs);
    if (start.code === 0) return port;
    running.delete(server);
    const log = await tail(logFileOf(server));
    // Another process can grab the port between our probe and the postmaster's bind.
    if (attempt < PORT_ATTEMPTS && /could not bind|address already in use/i.test(log)) continue;
    throw new Error(
      `pg_ctl start failed (exit ${start.code}) for ${dataDir}:\n${start.output}\n--- ${logFileOf(server)} (tail) ---\n${log}`,
    );
  }
}

function startCluster(server: RunningServer, binDir: string, runAs: Runner) {
  return run(runAs, server.rootDir, join(binDir, 'pg_ctl'), [
    `--pgdata=${server.dataDir}`,
    `--log=${logFileOf(server)}`,
    '--wait',
    `--timeout=${START_TIMEOUT_SECONDS}`,
    'start',
  ]);
}

function logFileOf(server: RunningServer): string {
  return join(server.rootDir, 'postgres.log');
}

function handleFor(
  server: RunningServer,
  port: number,
  binDir: string,
  runAs: Runner,
): PostgresServer {
  let stopping: Promise<void> | undefined;
  const pgCtl = join(binDir, 'pg_ctl');
  return {
    url: serverUrl(port, DEFAULT_DATABASE),
    port,
    dataDir: server.dataDir,
    logFile: logFileOf(server),
    stop() {
      stopping ??= stopServer(server, binDir, runAs);
      return stopping;
    },
    async halt() {
      if (stopping) throw new Error('halt(): the server was stopped for good');
      const result = await run(runAs, server.rootDir, pgCtl, [
        `--pgdata=${server.dataDir}`,
        '--mode=fast',
        '--wait',
        'stop',
      ]);
      if (result.code !== 0) throw new Error(`pg_ctl stop failed:\n${result.output}`);
    },
    async restart() {
      if (stopping) throw new Error('restart(): the server was stopped for good');
      const result = await startCluster(server, binDir, runAs);
      if (result.code !== 0) {
        throw new Error(
          `pg_ctl start failed:\n${result.output}\n--- log (tail) ---\n${await tail(logFileOf(server))}`,
        );
      }
    },
  };
}

/**
 * Creates an isolated database on the same server (one per test file or worker) and returns its
 * url. `server` may be any object with a url, e.g. one handed to workers by a global setup.
 * Copying a template fails while anyone is connected to it: close pools to the template first.
 */
export async function createDatabase(
  server: Pick<PostgresServer, 'url'>,
  name: string,
  options: CreateDatabaseOptions = {},
): Promise<string> {
  const template = options.template ?? 'template0';
  const adminUrl = new URL(server.url);
  adminUrl.pathname = '/postgres';
  await withClient(adminUrl.href, (client) =>
    client.query(
      `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`,
    ),
  );
  const url = new URL(server.url);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.href;
}

/** PG_BIN, else Debian's PostgreSQL 15 location, else whatever `pg_config` reports. */
export function findPostgresBinDir(): string {
  const override = process.env.PG_BIN;
  if (override) {
    if (hasServerBinaries(override)) return override;
    throw new Error(`PG_BIN=${override} does not contain initdb and pg_ctl. ${INSTALL_HINT}`);
  }
  const candidates = ['/usr/lib/postgresql/15/bin'];
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());
  const found = candidates.find(hasServerBinaries);
  if (found) return found;
  throw new Error(
    `PostgreSQL server binaries not found in ${candidates.join(', ')}. ${INSTALL_HINT}`,
  );
}

function hasServerBinaries(dir: string): boolean {
  return existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));
}

function mergeSettings(overrides: Record<string, string> = {}): Record<string, string> {
  for (const key of Object.keys(overrides)) {
    if (HARNESS_SETTINGS.has(key)) {
      throw new Error(
        `startPostgres: the harness owns the "${key}" setting; it cannot be overridden`,
      );
    }
  }
  return { ...TEST_SETTINGS, ...overrides, listen_addresses: '127.0.0.1' };
}

function renderSettings(settings: Record<string, string>): string {
  const lines = Object.entries(settings).map(([key, value]) => {
    if (!/^[a-zA-Z_][a-zA-Z0-9_.]*$/.test(key) || /[\r\n]/.test(value)) {
      throw new Error(`startPostgres: invalid setting ${JSON.stringify(key)}`);
    }
    return `${key} = '${value.replaceAll("'", "''")}'`;
  });
  return `\n# Added by the habit-tracker test harness (last value wins)\n${lines.join('\n')}\n`;
}

function serverUrl(port: number, database: string): string {
  return `postgres://${SUPERUSER}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

// --- Running server binaries (as the postgres user when we are root) ---

interface Runner {
  /** Set when we are root: the cluster must belong to this user. */
  owner?: { uid: number; gid: number };
}

let cachedRunner: Runner | undefined;

function postgresRunner(): Runner {
  if (cachedRunner) return cachedRunner;
  if (process.getuid?.() !== 0) {
    cachedRunner = {};
    return cachedRunner;
  }
  const uid = spawnSync('id', ['-u', SUPERUSER], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', SUPERUSER], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error(
      `Running as root, PostgreSQL needs a "${SUPERUSER}" OS user to run as, and there is none. ${INSTALL_HINT}`,
    );
  }
  cachedRunner = { owner: { uid: Number(uid.stdout), gid: Number(gid.stdout) } };
  return cachedRunner;
}

function commandFor(runner: Runner, command: string, args: string[]): [string, string[]] {
  return runner.owner ? ['runuser', ['-u', SUPERUSER, '--', command, ...args]] : [command, args];
}

function run(
  runner: Runner,
  cwd: string,
  command: string,
  args: string[],
): Promise<{ code: number; output: string }> {
  const [file, argv] = commandFor(runner, command, args);
  return new Promise((resolve, reject) => {
    // cwd must be readable by the postgres user, or its tools complain about the current folder.
    const child = spawn(file, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function runOrThrow(runner: Runner, cwd: string, command: string, args: string[]) {
  const result = await run(runner, cwd, command, args);
  if (result.code !== 0) {
    const hint =
      runner.owner && /permission denied/i.test(result.output)
        ? `\nThe ${SUPERUSER} OS user must be able to reach ${tmpdir()}; point TMPDIR at a folder it can (e.g. /tmp).`
        : '';
    throw new Error(`${command} failed (exit ${result.code}):\n${result.output}${hint}`);
  }
}

function runSync(
  runner: Runner,
  cwd: string,
  command: string,
  args: string[],
): SpawnSyncReturns<string> {
  const [file, argv] = commandFor(runner, command, args);
  return spawnSync(file, argv, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

async function tail(file: string, lines = 40): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '(no log written)');
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

// --- Stopping ---

async function stopServer(server: RunningServer, binDir: string, runner: Runner): Promise<void> {
  if (running.has(server)) {
    const pgCtl = join(binDir, 'pg_ctl');
    const fast = await run(runner, server.rootDir, pgCtl, [
      `--pgdata=${server.dataDir}`,
      '--mode=fast',
      '--wait',
      'stop',
    ]);
    if (fast.code !== 0 && existsSync(join(server.dataDir, 'postmaster.pid'))) {
      const immediate = await run(runner, server.rootDir, pgCtl, [
        `--pgdata=${server.dataDir}`,
        '--mode=immediate',
        '--wait',
        'stop',
      ]);
      if (immediate.code !== 0) {
        throw new Error(
          `pg_ctl stop failed for ${server.dataDir}:\n${fast.output}\n${immediate.output}`,
        );
      }
    }
    running.delete(server);
  }
  await rm(server.rootDir, { recursive: true, force: true });
}

/** Synchronous, because 'exit' handlers cannot wait for promises. */
function stopServerSync(server: RunningServer, binDir: string, runner: Runner): void {
  running.delete(server);
  // A postmaster.pid also outlives a pg_ctl start that timed out with the server still booting.
  if (existsSync(join(server.dataDir, 'postmaster.pid'))) {
    runSync(runner, server.rootDir, join(binDir, 'pg_ctl'), [
      `--pgdata=${server.dataDir}`,
      '--mode=immediate',
      '--wait',
      'stop',
    ]);
  }
  rmSync(server.rootDir, { recursive: true, force: true });
}

let exitHooksInstalled = false;

/**
 * The postmaster runs in its own session (pg_ctl detaches it), so nothing stops it when the test
 * process dies: stop whatever is still running on exit, Ctrl-C and SIGTERM.
 */
function installExitHooksOnce(binDir: string, runner: Runner): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  onProcessEnd(() => {
    for (const server of [...running]) stopServerSync(server, binDir, runner);
  });
}

let orphansSwept = false;

/**
 * A test process killed with SIGKILL runs no hooks. Its servers are recognisable by their temp
 * folder's owner.pid naming a process that no longer exists: stop them before starting more.
 */
function stopOrphanedServersOnce(binDir: string, runner: Runner): void {
  if (orphansSwept) return;
  orphansSwept = true;
  const parent = tmpdir();
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const rootDir = join(parent, name);
    let owner: number;
    try {
      owner = Number(readFileSync(join(rootDir, OWNER_FILE), 'utf8'));
    } catch {
      continue; // not ours, or still being created
    }
    if (!Number.isInteger(owner) || owner <= 0 || processExists(owner)) continue;
    stopServerSync({ rootDir, dataDir: join(rootDir, 'data') }, binDir, runner);
  }
}

/** One-off SQL against a test database (its own connection, bounded), e.g. to check what got stored. */
export async function runSql<T extends pg.QueryResultRow>(
  url: string,
  text: string,
  values?: unknown[],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query<T>({ text, values, query_timeout: 30_000 } as pg.QueryConfig)).rows;
  } finally {
    await client.end();
  }
}
