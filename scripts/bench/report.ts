/**
 * Turns measurements into the tables printed to stdout (budgets, scenarios, ceilings, web
 * assets), the section of docs/benchmarks.md between the single-machine markers, and
 * docs/benchmarks/single-machine.json for comparing commits.
 */

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { type BudgetVerdict, renderBudgets } from './budgets';
import { ceilingCells, renderCeilings } from './ceilings';
import type { CeilingReport } from './database-ceiling';
import type { LatencyFigures } from './figures';
import { format, formatSpread, renderTable, type Spread } from './markdown-format';
import { type PeerReport, renderPeer } from './peer-report';
import { RUN_TARGET_MINUTES } from './run-plan';
import { REPO_ROOT } from './server-process';
import { renderWebAssets, type WebAssetsReport } from './web-assets';

export { type Spread, spread } from './markdown-format';

export type Backend = 'postgres' | 'pglite';

export interface RunMetrics extends LatencyFigures {
  non2xx: number;
  statusCounts: Record<string, number>;
  /** The server's peak RSS during this run (VmHWM, reset before it when the kernel allows). */
  peakRssMib: number;
  serverCpuMsPerRequest: number;
  /** PostgreSQL's CPU (postmaster and backends); absent for PGlite, which runs in the server. */
  databaseCpuMsPerRequest?: number;
}

export interface ScenarioReport {
  name: string;
  description: string;
  runs: RunMetrics[];
}

export interface SeedReport {
  users: number;
  habits: number;
  checkins: number;
  /** Everything, stored habit summaries included. */
  seconds: number;
  /** Of which building the habits' stored summaries (the release command's backfill). */
  summariesSeconds: number;
}

export interface BackendReport {
  backend: Backend;
  /** How the database was configured, in words. */
  setup: string;
  seed: SeedReport;
  coldStartMs: Spread & { samples: number[] };
  idleRssMib: number;
  /** 1-minute load average just before the load: above ~0.5 something else was using the CPU. */
  loadAverageBefore: number;
  /** False when VmHWM could not be reset, so peaks are since the server started. */
  peakIsPerScenario: boolean;
  /** Measured repetitions per scenario on this backend (PGlite may run fewer). */
  repeat: number;
  scenarios: ScenarioReport[];
  /** The Today view's queries without HTTP (PostgreSQL only), when run. */
  databaseCeiling?: CeilingReport;
}

export interface BenchReport {
  date: string;
  commit: string;
  machine: { cpu: string; cores: number; memoryGib: number; node: string; postgres: string };
  options: {
    quick: boolean;
    users: number;
    connections: number;
    warmupSec: number;
    durationSec: number;
    /** PostgreSQL's repetitions; each backend says its own in `repeat`. */
    repeat: number;
  };
  backends: BackendReport[];
  /** The web app's first-load and lazy assets, built from this commit. */
  webAssets?: WebAssetsReport;
  /** Issue 5's budgets against this run. */
  budgets: BudgetVerdict[];
  /** The original design run beside PostgreSQL (`--peer`), when asked for. */
  peer?: PeerReport;
}

export const DOC_PATH = join(REPO_ROOT, 'docs', 'benchmarks.md');
export const JSON_PATH = join(REPO_ROOT, 'docs', 'benchmarks', 'single-machine.json');
const START_MARKER = '<!-- bench:single-machine:start -->';
const END_MARKER = '<!-- bench:single-machine:end -->';

export function describeMachine(postgresVersion: string): BenchReport['machine'] {
  const cpuInfo = readFileSync('/proc/cpuinfo', 'utf8');
  const cpu =
    /^model name\s*:\s*(.+)$/m.exec(cpuInfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  return {
    cpu,
    cores: cpus().length,
    memoryGib: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: postgresVersion,
  };
}

export function describeCommit(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain') ? `${commit}+dirty` : commit;
  } catch {
    return 'unknown';
  }
}

const TABLE_HEADER = [
  'scenario',
  'req/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'non-2xx + errors',
  'peak RSS MiB',
  'server CPU ms/req',
  'DB CPU ms/req',
];

function scenarioCells(scenario: ScenarioReport): string[] {
  const runs = scenario.runs;
  const pick = (key: keyof RunMetrics) => runs.map((run) => run[key] as number);
  const failures = runs.reduce((sum, run) => sum + run.non2xx + run.errors, 0);
  const failureDetail = runs.flatMap((run) =>
    Object.entries(run.statusCounts)
      .filter(([status]) => !status.startsWith('2'))
      .map(([status, count]) => `${status}×${count}`),
  );
  const databaseCpu = runs.every((run) => run.databaseCpuMsPerRequest !== undefined)
    ? formatSpread(
        runs.map((run) => run.databaseCpuMsPerRequest!),
        2,
      )
    : '–';
  return [
    scenario.name,
    formatSpread(pick('requestsPerSec'), 0),
    formatSpread(pick('p50Ms')),
    formatSpread(pick('p95Ms')),
    formatSpread(pick('p99Ms')),
    failures === 0 ? '0' : `${failures} (${failureDetail.join(', ')})`,
    format(Math.max(...pick('peakRssMib')), 0),
    formatSpread(pick('serverCpuMsPerRequest'), 2),
    databaseCpu,
  ];
}

const BACKEND_TITLES: Record<Backend, string> = {
  postgres: 'PostgreSQL',
  pglite: 'PGlite (embedded)',
};

function loadLine(report: BenchReport): string {
  const { options } = report;
  const repetitions = (repeat: number) =>
    repeat > 1 ? `× ${repeat} repetitions (median, min–max in brackets)` : '(one repetition)';
  const postgres = report.backends.find((b) => b.backend === 'postgres');
  const pglite = report.backends.find((b) => b.backend === 'pglite');
  const fewer =
    postgres && pglite && pglite.repeat < postgres.repeat
      ? `; PGlite × ${pglite.repeat}, fewer, to keep the whole run within ~${RUN_TARGET_MINUTES} ` +
        "minutes: the budgets are PostgreSQL's"
      : '';
  const repeat = report.backends[0]?.repeat ?? options.repeat;
  return (
    `- Load: ${options.connections} connections, ${options.warmupSec} s warm-up, then ${options.durationSec} s measured ` +
    `${repetitions(repeat)}${fewer}.`
  );
}

export function renderMarkdown(report: BenchReport): string {
  const { machine, options } = report;
  const lines: string[] = [
    '## Single machine: API throughput and latency',
    '',
    `Measured ${report.date} at commit \`${report.commit}\` by \`npm run bench${options.quick ? ' -- --quick' : ''}\`.`,
    '',
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGib} GiB RAM; Node ${machine.node}; ${machine.postgres}.`,
    '  The load generator (autocannon, in the harness process) shares the cores with the server and, for',
    '  PostgreSQL, with the database: the figures are what one small machine does, not the server alone.',
    `- Data: ${options.users.toLocaleString('en-US')} users × 5 habits × 365 days (~70% done), plus one user with`,
    '  20 habits × 5 years. Every request is made as a random user with their own session cookie.',
    loadLine(report),
    '- Latency is per response, in milliseconds; requests still unanswered when a run ends are not in',
    '  it (they show in the CPU figures). Peak RSS is the server process (VmHWM, reset before each',
    "  scenario); PGlite runs inside it, PostgreSQL doesn't. CPU is utime + stime per request sent,",
    '  counted until the server is idle again; DB CPU is the postmaster and all its children.',
    '',
    ...renderBudgets(report),
  ];
  for (const backend of report.backends) {
    const cold = backend.coldStartMs;
    const rows = backend.scenarios.map(scenarioCells);
    if (backend.databaseCeiling) rows.push(ceilingCells(backend.databaseCeiling));
    lines.push(
      `### ${BACKEND_TITLES[backend.backend]}`,
      '',
      `${backend.setup}`,
      '',
      `- Seeding ${backend.seed.users.toLocaleString('en-US')} users, ${backend.seed.habits.toLocaleString('en-US')} habits, ` +
        `${backend.seed.checkins.toLocaleString('en-US')} check-ins: **${format(backend.seed.seconds)} s** ` +
        `(of which ${format(backend.seed.summariesSeconds)} s building the habits' stored summaries).`,
      `- Cold start (spawn → first 200 from /api/health, seeded database): **${format(cold.median, 0)} ms** median of ${cold.samples.length} ` +
        `(${format(cold.min, 0)}–${format(cold.max, 0)}).`,
      `- Idle RSS after start: ${format(backend.idleRssMib, 0)} MiB. Load average (1 min) before the load: ${format(backend.loadAverageBefore, 2)}.` +
        (backend.peakIsPerScenario ? '' : ' Peak RSS is since start (VmHWM could not be reset).'),
      '',
      ...renderTable(TABLE_HEADER, rows),
      '',
      ...renderCeilings(backend),
    );
  }
  const postgres = report.backends.find((b) => b.backend === 'postgres');
  if (report.peer && postgres) {
    lines.push(
      ...renderPeer(report.peer, postgres, {
        date: report.date,
        commit: report.commit,
        machine: `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGib} GiB RAM`,
        ourNode: machine.node,
      }),
    );
  }
  if (report.webAssets) lines.push(...renderWebAssets(report.webAssets));
  const described = [
    ...report.backends.flatMap((backend) => [
      ...backend.scenarios,
      ...(backend.databaseCeiling ? [backend.databaseCeiling] : []),
    ]),
    ...(report.peer?.scenarios.map((s) => ({ ...s, name: `peer ${s.name}` })) ?? []),
  ];
  const descriptions = new Map(described.map((s) => [s.name, s.description]));
  lines.push(
    'Scenarios: ' +
      [...descriptions].map(([name, description]) => `**${name}** — ${description}`).join('; ') +
      '.',
  );
  return lines.join('\n');
}

/** Replaces our section of docs/benchmarks.md, leaving every other section as it is. */
export function writeMarkdownSection(markdown: string): void {
  const section = `${START_MARKER}\n${markdown}\n${END_MARKER}`;
  const existing = existsSync(DOC_PATH)
    ? readFileSync(DOC_PATH, 'utf8')
    : '# Benchmarks\n\nEach section is written by the script that measures it; edit the scripts, not the figures.\n';
  const start = existing.indexOf(START_MARKER);
  const end = existing.indexOf(END_MARKER);
  const updated =
    start !== -1 && end > start
      ? existing.slice(0, start) + section + existing.slice(end + END_MARKER.length)
      : `${existing.trimEnd()}\n\n${section}\n`;
  writeFileSync(DOC_PATH, updated);
}

export function writeJson(report: BenchReport): void {
  mkdirSync(dirname(JSON_PATH), { recursive: true });
  writeFileSync(JSON_PATH, `${JSON.stringify(report, null, 2)}\n`);
}
