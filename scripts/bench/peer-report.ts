/**
 * The side-by-side comparison with the original design (`--peer`): what the JSON report keeps
 * of the peer's run, and the ratio table (metric | peer | ours | ratio | goal | verdict) printed
 * to stdout and written into the single-machine section of docs/benchmarks.md.
 *
 * Every ratio is ours ÷ the peer's, from the medians of the alternated repetitions; peak RSS is
 * the highest of them, as in the budgets.
 */
import { format, renderTable, type Spread, spread } from './markdown-format';
import type { BackendReport, ScenarioReport } from './report';

export interface PeerReport {
  /** What --peer named, and the prepared copy that ran. */
  source: string;
  dir: string;
  nodeVersion: string;
  nextVersion: string;
  /** npm install + next build; 0 when a prepared copy was reused. */
  prepareSeconds: number;
  /** How its database was configured, in words. */
  setup: string;
  seed: { users: number; habits: number; entries: number; seconds: number };
  coldStartMs: Spread & { samples: number[] };
  idleRssMib: number;
  /** Its `dashboard` and `entries`, each repetition run right after ours. */
  scenarios: ScenarioReport[];
}

export interface PeerComparison {
  metric: string;
  peer: number | null;
  ours: number | null;
  unit: string;
  /** ours ÷ peer */
  ratio: number | null;
  goal: string;
  verdict: 'met' | 'missed' | 'reported' | 'not measured';
}

const median = (values: number[] | undefined) =>
  values && values.length > 0 ? spread(values).median : null;
const highest = (values: number[] | undefined) =>
  values && values.length > 0 ? Math.max(...values) : null;

function runsOf(scenarios: ScenarioReport[], name: string) {
  return scenarios.find((s) => s.name === name)?.runs;
}

export function comparePeer(peer: PeerReport, ours: BackendReport): PeerComparison[] {
  const row = (
    metric: string,
    peerValue: number | null,
    ourValue: number | null,
    unit: string,
    goal: string,
    meets?: (ratio: number, ours: number) => boolean,
  ): PeerComparison => {
    const ratio = peerValue !== null && ourValue !== null ? ourValue / peerValue : null;
    let verdict: PeerComparison['verdict'] = 'reported';
    if (ratio === null || ourValue === null) verdict = 'not measured';
    else if (meets) verdict = meets(ratio, ourValue) ? 'met' : 'missed';
    return { metric, peer: peerValue, ours: ourValue, unit, ratio, goal, verdict };
  };
  const metric = (
    side: ScenarioReport[],
    name: string,
    key: 'requestsPerSec' | 'p95Ms' | 'peakRssMib',
  ) => {
    const values = runsOf(side, name)?.map((run) => run[key]);
    return key === 'peakRssMib' ? highest(values) : median(values);
  };
  return [
    row(
      'Home screen req/s (its GET /dashboard, our GET /api/v1/today)',
      metric(peer.scenarios, 'dashboard', 'requestsPerSec'),
      metric(ours.scenarios, 'today', 'requestsPerSec'),
      'req/s',
      '≥ 15×',
      (ratio) => ratio >= 15,
    ),
    row(
      'Home screen P95',
      metric(peer.scenarios, 'dashboard', 'p95Ms'),
      metric(ours.scenarios, 'today', 'p95Ms'),
      'ms',
      '–',
    ),
    row(
      'Check-in req/s (its POST /api/entries, our PUT + DELETE, each one request)',
      metric(peer.scenarios, 'entries', 'requestsPerSec'),
      metric(ours.scenarios, 'checkin', 'requestsPerSec'),
      'req/s',
      '≥ 5×',
      (ratio) => ratio >= 5,
    ),
    row(
      'Check-in P95',
      metric(peer.scenarios, 'entries', 'p95Ms'),
      metric(ours.scenarios, 'checkin', 'p95Ms'),
      'ms',
      '–',
    ),
    row(
      'Cold start (spawn → first 200 from /api/health)',
      peer.coldStartMs.median,
      ours.coldStartMs.median,
      'ms',
      '≤ 0.5× and ≤ 250 ms',
      (ratio, value) => ratio <= 0.5 && value <= 250,
    ),
    row(
      'Peak RSS under home screen load',
      metric(peer.scenarios, 'dashboard', 'peakRssMib'),
      metric(ours.scenarios, 'today', 'peakRssMib'),
      'MiB',
      '–',
    ),
    row(
      'Peak RSS under check-in load',
      metric(peer.scenarios, 'entries', 'peakRssMib'),
      metric(ours.scenarios, 'checkin', 'peakRssMib'),
      'MiB',
      '–',
    ),
  ];
}

const DIGITS: Record<string, number> = { 'req/s': 0, ms: 1, MiB: 0 };

function valueCell(value: number | null, unit: string): string {
  return value === null ? '–' : `${format(value, DIGITS[unit] ?? 1)} ${unit}`;
}

function verdictCell(comparison: PeerComparison): string {
  return comparison.verdict === 'missed' ? '**missed**' : comparison.verdict;
}

export function renderPeer(
  peer: PeerReport,
  ours: BackendReport,
  context: { date: string; commit: string; machine: string; ourNode: string },
): string[] {
  const rows = comparePeer(peer, ours).map((c) => [
    c.metric,
    valueCell(c.peer, c.unit),
    valueCell(c.ours, c.unit),
    c.ratio === null ? '–' : `${format(c.ratio, 2)}×`,
    c.goal,
    verdictCell(c),
  ]);
  const repetitions = peer.scenarios[0]?.runs.length ?? 0;
  return [
    '### Side by side with the original design',
    '',
    `Measured ${context.date} at commit \`${context.commit}\` on ${context.machine}, with \`--peer\`: the original`,
    `design (seed-next: Next.js ${peer.nextVersion}, drizzle-orm over node-postgres, pool of 5) on Node ${peer.nodeVersion},`,
    `ours on Node ${context.ourNode}. ${peer.setup}`,
    '',
    `- Its own seed script, ${peer.seed.users.toLocaleString('en-US')} users × 5 habits × 365 days (~70% done): ` +
      `${peer.seed.entries.toLocaleString('en-US')} entries in ${format(peer.seed.seconds)} s.`,
    `- Cold start: ${peer.coldStartMs.samples.map((ms) => format(ms, 0)).join(', ')} ms; idle RSS after start ${format(peer.idleRssMib, 0)} MiB.`,
    `- Same connections, warm-up and duration as ours; ${repetitions} repetition${repetitions === 1 ? '' : 's'}, each of its runs right after`,
    '  the same run of ours (A B A B), so drift on the shared machine hits both. Ratios are ours ÷ its, from',
    '  medians (peak RSS: the highest run). Its dates are UTC, ours the user’s zone.',
    '',
    ...renderTable(['metric', 'peer', 'ours', 'ratio', 'goal', 'verdict'], rows),
    '',
  ];
}
