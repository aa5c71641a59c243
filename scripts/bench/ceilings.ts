/**
 * Where the Today view stands between its two ceilings: the framework's (the `live` scenario,
 * every middleware and no work) and the database's (the Today queries through the data layer,
 * no HTTP). Today's throughput as a share of each says which side its cost is on.
 */
import type { CeilingReport } from './database-ceiling';
import { format, formatSpread, renderTable, spread } from './markdown-format';
import type { BackendReport } from './report';

export const FRAMEWORK_CEILING_SCENARIO = 'live';
const TODAY_SCENARIO = 'today';

/** The database ceiling as a row of the scenario table; it has no server, so no RSS or server CPU. */
export function ceilingCells(ceiling: CeilingReport): string[] {
  const runs = ceiling.runs;
  const pick = (key: 'requestsPerSec' | 'p50Ms' | 'p95Ms' | 'p99Ms') => runs.map((run) => run[key]);
  const errors = runs.reduce((sum, run) => sum + run.errors, 0);
  return [
    ceiling.name,
    formatSpread(pick('requestsPerSec'), 0),
    formatSpread(pick('p50Ms')),
    formatSpread(pick('p95Ms')),
    formatSpread(pick('p99Ms')),
    String(errors),
    '–',
    '–',
    formatSpread(
      runs.map((run) => run.databaseCpuMsPerRequest),
      2,
    ),
  ];
}

/** The ceilings table and what it means, for one backend. */
export function renderCeilings(backend: BackendReport): string[] {
  const requestsPerSec = (runs: readonly { requestsPerSec: number }[] | undefined) =>
    runs && runs.length > 0 ? runs.map((run) => run.requestsPerSec) : undefined;
  const p95 = (runs: readonly { p95Ms: number }[]) => runs.map((run) => run.p95Ms);
  const scenario = (name: string) => backend.scenarios.find((s) => s.name === name);
  const today = requestsPerSec(scenario(TODAY_SCENARIO)?.runs);
  const live = scenario(FRAMEWORK_CEILING_SCENARIO);
  const database = backend.databaseCeiling;
  const share = (ceiling: number[]) =>
    today ? format(spread(today).median / spread(ceiling).median, 2) : '– (today not run)';

  const rows: string[][] = [];
  if (live) {
    rows.push([
      `framework: ${live.name}`,
      formatSpread(requestsPerSec(live.runs) ?? [], 0),
      formatSpread(p95(live.runs)),
      share(requestsPerSec(live.runs) ?? []),
    ]);
  }
  if (database) {
    rows.push([
      `database: ${database.name}`,
      formatSpread(requestsPerSec(database.runs) ?? [], 0),
      formatSpread(p95(database.runs)),
      share(requestsPerSec(database.runs) ?? []),
    ]);
  }
  const lines: string[] = [];
  if (rows.length > 0) {
    lines.push(
      `Ceilings: the median req/s of **${TODAY_SCENARIO}** divided by each ceiling's (1.00 would mean ` +
        'that side costs nothing beyond the ceiling itself).',
      '',
      ...renderTable(['ceiling', 'req/s', 'p95 ms', `${TODAY_SCENARIO} ÷ ceiling`], rows),
      '',
    );
  }
  if (database) {
    const dataLayerCpu = formatSpread(
      database.runs.map((run) => run.dataLayerCpuMsPerRequest),
      2,
    );
    lines.push(
      `**${database.name}** is not an HTTP scenario: measured after the server has stopped, ` +
        `${database.workers} concurrent callers in the harness ` +
        `share a pool of ${database.poolSize} connections, each "request" being the session lookup then the ` +
        "Today query, made with the server's own data-layer functions; latency is per request (both " +
        `queries). The data layer's CPU in the harness (node-postgres, drizzle): ${dataLayerCpu} ms/req.`,
      '',
    );
  } else if (backend.backend === 'pglite') {
    lines.push(
      'No database ceiling on PGlite: it runs inside the server process, one query at a time, with ' +
        'no database apart from the server to call.',
      '',
    );
  }
  return lines;
}
