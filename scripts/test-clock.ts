/**
 * `npm run test:clock`: the server and browser suites at the hours that break date code, with
 * the clock of every process they start (Node, PostgreSQL, Chromium) moved by Debian's
 * `faketime`. The clock keeps ticking from the chosen instant, so each run crosses the moment:
 *
 * - month-end: 23:59:30 UTC on 31 December — the runner's UTC date, month and year change 30 s in,
 *   while the test user (America/New_York, e2e/support/app.ts) is still in the early evening;
 * - dst-spring: 01:59:30 in New York on the day its clocks jump from 02:00 to 03:00;
 * - dst-autumn: 01:59:30 EDT on the day New York's 01:00–02:00 happens twice.
 *
 * faketime is given an offset from the real clock (not a start time), so processes started
 * later in the run see the same moved clock rather than starting again at the instant. Only the
 * wall clock moves: the monotonic clock (timers, timeouts) stays real — Ceph's daemons (the
 * test S3) stall when it jumps, and no date rule reads it.
 *
 *   npm run test:clock                      every scenario, server + e2e
 *   npm run test:clock -- dst-spring        one scenario
 *   npm run test:clock -- --project e2e     other vitest arguments are passed through
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SCENARIOS = {
  'month-end': '2026-12-31T23:59:30Z',
  'dst-spring': '2027-03-14T06:59:30Z',
  'dst-autumn': '2026-11-01T05:59:30Z',
} as const;
type Scenario = keyof typeof SCENARIOS;

const FAKETIME = '/usr/bin/faketime';
if (!existsSync(FAKETIME)) {
  console.error("test:clock needs Debian's faketime: apt-get install -y faketime");
  process.exit(1);
}

const args = process.argv.slice(2);
const chosen = args.filter((a): a is Scenario => a in SCENARIOS);
const passThrough = args.filter((a) => !(a in SCENARIOS));
const projects = passThrough.some((a) => a.startsWith('--project'))
  ? []
  : ['--project', 'server', '--project', 'e2e'];
const scenarios = chosen.length > 0 ? chosen : (Object.keys(SCENARIOS) as Scenario[]);

const results: { scenario: Scenario; ok: boolean; seconds: number }[] = [];
for (const scenario of scenarios) {
  const at = Date.parse(SCENARIOS[scenario]);
  const offsetSeconds = Math.round((at - Date.now()) / 1000);
  const sign = offsetSeconds >= 0 ? '+' : '-';
  console.log(`\n==== test:clock ${scenario}: the clock starts at ${SCENARIOS[scenario]} ====`);
  const started = Date.now();
  const run = spawnSync(
    FAKETIME,
    [
      '-f',
      `${sign}${Math.abs(offsetSeconds)}`,
      'npx',
      'vitest',
      'run',
      ...projects,
      ...passThrough,
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, TEST_CLOCK: scenario, FAKETIME_DONT_FAKE_MONOTONIC: '1' },
    },
  );
  const seconds = Math.round((Date.now() - started) / 1000);
  results.push({ scenario, ok: run.status === 0, seconds });
}

console.log('\n==== test:clock summary ====');
for (const r of results) {
  console.log(
    `${r.ok ? 'passed' : 'FAILED'}  ${r.scenario.padEnd(11)} ${SCENARIOS[r.scenario]}  ${r.seconds} s`,
  );
}
process.exit(results.every((r) => r.ok) ? 0 : 1);
