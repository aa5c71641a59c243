/**
 * The performance budgets of issue 5, checked against a run: each budget's measured values, the
 * one the verdict rests on, and by how much it is missed.
 *
 * The budgets are PostgreSQL's at 50 connections. A verdict rests on the median of the
 * repetitions, except for peak memory, where one peak over the limit is already a miss. Units
 * are decimal, as budgets are usually written: MB = 10⁶ bytes, KB = 10³ bytes.
 */
import { format, formatSpread, renderTable, spread } from './markdown-format';
import type { Backend, BackendReport, BenchReport } from './report';

export const BUDGET_CONNECTIONS = 50;
const MIB_IN_MB = 2 ** 20 / 1e6;
const PEAK_RSS_LIMIT_MB = 120;

export interface BudgetVerdict {
  /** What is measured, e.g. "Today P95". */
  name: string;
  /** The backend measured; null for the web app. */
  backend: Backend | null;
  direction: 'at-least' | 'at-most';
  limit: number;
  unit: 'req/s' | 'ms' | 'MB' | 'KB';
  /** Each repetition's (or sample's) value, in `unit`; empty when not measured. */
  values: number[];
  /** The value the verdict rests on: the median, or the highest for a peak. */
  decisive: number | null;
  /**
   * `informational` when the budget is PostgreSQL's and this is PGlite, shown for comparison.
   */
  verdict: 'met' | 'missed' | 'not measured' | 'informational';
  /** How far `decisive` is on the wrong side of `limit`, in `unit`; 0 when met. */
  missedBy: number | null;
}

interface BudgetDefinition {
  name: string;
  direction: BudgetVerdict['direction'];
  limit: number;
  unit: BudgetVerdict['unit'];
  decideOn: 'median' | 'max';
  /** The values, or undefined when this run did not measure them. */
  measure(backend: BackendReport): number[] | undefined;
}

const scenarioMetric =
  (scenario: string, metric: 'requestsPerSec' | 'p95Ms') => (backend: BackendReport) =>
    backend.scenarios.find((s) => s.name === scenario)?.runs.map((run) => run[metric]);

const BACKEND_BUDGETS: BudgetDefinition[] = [
  {
    name: 'Today throughput',
    direction: 'at-least',
    limit: 2_500,
    unit: 'req/s',
    decideOn: 'median',
    measure: scenarioMetric('today', 'requestsPerSec'),
  },
  {
    name: 'Today P95',
    direction: 'at-most',
    limit: 25,
    unit: 'ms',
    decideOn: 'median',
    measure: scenarioMetric('today', 'p95Ms'),
  },
  {
    name: 'heavy-today P95',
    direction: 'at-most',
    limit: 40,
    unit: 'ms',
    decideOn: 'median',
    measure: scenarioMetric('heavy-today', 'p95Ms'),
  },
  {
    name: 'check-in throughput',
    direction: 'at-least',
    limit: 1_500,
    unit: 'req/s',
    decideOn: 'median',
    measure: scenarioMetric('checkin', 'requestsPerSec'),
  },
  {
    name: 'check-in P95',
    direction: 'at-most',
    limit: 30,
    unit: 'ms',
    decideOn: 'median',
    measure: scenarioMetric('checkin', 'p95Ms'),
  },
  {
    name: 'peak RSS under load',
    direction: 'at-most',
    limit: PEAK_RSS_LIMIT_MB,
    unit: 'MB',
    decideOn: 'max',
    measure: peakRssPerRepetitionMb,
  },
];

const COLD_START: BudgetDefinition = {
  name: 'cold start',
  direction: 'at-most',
  limit: 250,
  unit: 'ms',
  decideOn: 'median',
  measure: (backend) => backend.coldStartMs.samples,
};

const FIRST_LOAD_JS_LIMIT_KB = 120;

/**
 * Each repetition's peak over all the HTTP scenarios (the server's VmHWM, reset before each
 * scenario), in MB.
 */
function peakRssPerRepetitionMb(backend: BackendReport): number[] | undefined {
  if (backend.scenarios.length === 0) return undefined;
  const repetitions = Math.max(...backend.scenarios.map((s) => s.runs.length));
  return Array.from({ length: repetitions }, (_, index) =>
    Math.max(...backend.scenarios.map((s) => s.runs[index]?.peakRssMib ?? 0)),
  ).map((mib) => mib * MIB_IN_MB);
}

/** The backend the budgets are checked on: PostgreSQL, or PGlite when only it ran. */
export function budgetBackend(report: BenchReport): BackendReport | undefined {
  return report.backends.find((b) => b.backend === 'postgres') ?? report.backends[0];
}

export function evaluateBudgets(report: BenchReport): BudgetVerdict[] {
  const verdicts: BudgetVerdict[] = [];
  const main = budgetBackend(report);
  if (main) {
    for (const budget of [...BACKEND_BUDGETS, COLD_START]) {
      verdicts.push(judge(budget, main.backend, budget.measure(main)));
    }
  }
  // PGlite's cold start beside PostgreSQL's: the embedded database is the one-machine default.
  const pglite = report.backends.find((b) => b.backend === 'pglite');
  if (pglite && pglite !== main) {
    verdicts.push({
      ...judge(COLD_START, 'pglite', COLD_START.measure(pglite)),
      verdict: 'informational',
    });
  }
  const webAssets = report.webAssets;
  verdicts.push(
    judge(
      {
        name: 'first-load JavaScript, gzip',
        direction: 'at-most',
        limit: FIRST_LOAD_JS_LIMIT_KB,
        unit: 'KB',
        decideOn: 'median',
        measure: () => undefined,
      },
      null,
      webAssets ? [webAssets.firstLoadJs.gzipBytes / 1000] : undefined,
    ),
  );
  return verdicts;
}

function judge(
  budget: BudgetDefinition,
  backend: Backend | null,
  values: number[] | undefined,
): BudgetVerdict {
  const base = {
    name: budget.name,
    backend,
    direction: budget.direction,
    limit: budget.limit,
    unit: budget.unit,
  };
  if (!values || values.length === 0) {
    return { ...base, values: [], decisive: null, verdict: 'not measured', missedBy: null };
  }
  const decisive = budget.decideOn === 'max' ? Math.max(...values) : spread(values).median;
  const over = budget.direction === 'at-least' ? budget.limit - decisive : decisive - budget.limit;
  return {
    ...base,
    values,
    decisive,
    verdict: over > 0 ? 'missed' : 'met',
    missedBy: Math.max(0, over),
  };
}

const DIGITS: Record<BudgetVerdict['unit'], number> = { 'req/s': 0, ms: 1, MB: 1, KB: 1 };

function limitCell(verdict: BudgetVerdict): string {
  const sign = verdict.direction === 'at-least' ? '≥' : '≤';
  const mib = verdict.unit === 'MB' ? ` (${format(verdict.limit / MIB_IN_MB)} MiB)` : '';
  return `${sign} ${format(verdict.limit, 0)} ${verdict.unit}${mib}`;
}

function measuredCell(verdict: BudgetVerdict): string {
  if (verdict.decisive === null) return '–';
  const digits = DIGITS[verdict.unit];
  const measured = `${formatSpread(verdict.values, digits)} ${verdict.unit}`;
  if (verdict.unit !== 'MB') return measured;
  const highest = `${format(verdict.decisive, digits)} MB = ${format(verdict.decisive / MIB_IN_MB, digits)} MiB`;
  return `${measured}; highest ${highest}`;
}

function verdictCell(verdict: BudgetVerdict): string {
  const digits = DIGITS[verdict.unit];
  switch (verdict.verdict) {
    case 'not measured':
      return 'not measured in this run';
    case 'informational':
      return 'for comparison (the budget is PostgreSQL’s)';
    case 'met':
      return 'met';
    case 'missed': {
      const ratio = (verdict.decisive ?? Number.NaN) / verdict.limit;
      return `**missed** by ${format(verdict.missedBy ?? Number.NaN, digits)} ${verdict.unit} (${format(ratio, 2)}× the limit)`;
    }
  }
}

function rowName(verdict: BudgetVerdict): string {
  if (verdict.backend === null) return `${verdict.name} (web app)`;
  return `${verdict.name} (${verdict.backend === 'postgres' ? 'PostgreSQL' : 'PGlite'})`;
}

export function renderBudgets(report: BenchReport): string[] {
  const main = budgetBackend(report);
  const notes: string[] = [];
  if (main?.backend === 'pglite') {
    notes.push(
      'PostgreSQL was not run: these are PGlite’s figures, for information, against budgets set for PostgreSQL.',
    );
  }
  if (report.options.connections !== BUDGET_CONNECTIONS) {
    notes.push(
      `The load used ${report.options.connections} connections; the budgets are set for ${BUDGET_CONNECTIONS}.`,
    );
  }
  if (report.options.quick) {
    notes.push('A quick run (few users, seconds per scenario): a smoke test, not a verdict.');
  }
  return [
    '### Budgets',
    '',
    `The budgets of issue 5, on PostgreSQL with ${BUDGET_CONNECTIONS} connections. A verdict rests on the median of the ` +
      'repetitions (cold start: of its samples), except peak RSS, where the highest peak counts (each ' +
      "repetition's peak is its highest over the load scenarios). A check-in's PUT and its DELETE are " +
      'a request each. MB = 10⁶ bytes, KB = 10³ bytes; the ' +
      'tables below give memory in MiB (2²⁰ bytes).' +
      (notes.length > 0 ? ` ${notes.join(' ')}` : ''),
    '',
    ...renderTable(
      ['budget', 'limit', 'measured: median (min–max)', 'verdict'],
      report.budgets.map((verdict) => [
        rowName(verdict),
        limitCell(verdict),
        measuredCell(verdict),
        verdictCell(verdict),
      ]),
    ),
    '',
  ];
}
