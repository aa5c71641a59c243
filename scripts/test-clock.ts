/**
 * `npm run test:clock`: the server suites and the browser suites that read dates, at the hours
 * that break date code, with the clock of every process they start (Node, PostgreSQL, Chromium)
 * moved by Debian's `faketime`. The clock keeps ticking from the chosen instant, so each run
 * crosses the moment:
 *
 * - month-end: 23:59:30 UTC on the next 31 December — the runner's UTC date, month and year
 *   change 30 s in, while the test user (America/New_York, e2e/support/app.ts) is in the evening;
 * - dst-spring: 30 s before New York's next jump from 02:00 to 03:00;
 * - dst-autumn: 30 s before New York's next 02:00 EDT, when 01:00–02:00 starts again.
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

/**
 * The next such moments after now, never past ones: the browser keeps the real clock (see
 * e2e/support/browser.ts) and a page clock behind it stalls Chromium's rendering, and cookies
 * the server dates in the past are expired on arrival.
 */
const ZONE = process.env.E2E_TIME_ZONE ?? 'America/New_York'; // the e2e user's zone (e2e/support/app.ts)
const HOUR = 3_600_000;

/** The zone's UTC offset in minutes at an instant. */
function offsetMinutes(at: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' })
    .formatToParts(new Date(at))
    .find((p) => p.type === 'timeZoneName')!.value; // "GMT-05:00"
  const [, sign, hours, minutes] = /GMT([+-])(\d\d):(\d\d)/.exec(name) ?? [];
  return sign ? (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) : 0;
}

/** The next instant the zone's offset moves in `direction`, found to the hour (DST moves on hours). */
function nextOffsetChange(direction: 'forward' | 'back'): number {
  let at = Math.ceil(Date.now() / HOUR) * HOUR;
  for (let hours = 0; hours < 2 * 366 * 24; hours++, at += HOUR) {
    const change = offsetMinutes(at + HOUR) - offsetMinutes(at);
    if (direction === 'forward' ? change > 0 : change < 0) return at + HOUR;
  }
  throw new Error(`${ZONE} has no DST change ${direction} in two years`);
}

function nextNewYearsEve(): number {
  const year = new Date().getUTCFullYear();
  const thisYear = Date.UTC(year, 11, 31, 23, 59, 30);
  return thisYear > Date.now() + 60_000 ? thisYear : Date.UTC(year + 1, 11, 31, 23, 59, 30);
}

const SCENARIOS = {
  'month-end': nextNewYearsEve(),
  'dst-spring': nextOffsetChange('forward') - 30_000,
  'dst-autumn': nextOffsetChange('back') - 30_000,
} as const;
type Scenario = keyof typeof SCENARIOS;
const when = (scenario: Scenario) => new Date(SCENARIOS[scenario]).toISOString();

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

/**
 * Browser suites with no date in what they check: account flows and layouts, whose server-side
 * expiries (reset links, tokens, passkey challenges, invites, OpenID Connect sign-ins) the server
 * suites already run at every scenario's hour. Left out of the whole-suite runs to keep CI within
 * its budget (each takes ~1–2 minutes per scenario); named on the command line, they run.
 */
const NOT_DATE_SENSITIVE_E2E = [
  'i18n-screens.test.ts',
  'i18n-flows.test.ts',
  'signup-invite.test.ts',
  'passkeys.test.ts',
  'password-reset.test.ts',
  'api-tokens.test.ts',
  'oidc.test.ts',
];
const namesFiles = passThrough.some((a) => !a.startsWith('-') && /\.ts$|\//.test(a));
// Vitest matches --exclude against each project's root: a bare name is e2e/<name> in the e2e
// project and matches nothing in the server's (its files are test/<name>), which keep running.
const excludes = namesFiles ? [] : NOT_DATE_SENSITIVE_E2E.flatMap((file) => ['--exclude', file]);

const results: { scenario: Scenario; ok: boolean; seconds: number }[] = [];
for (const scenario of scenarios) {
  const at = SCENARIOS[scenario];
  const offsetSeconds = Math.round((at - Date.now()) / 1000);
  const sign = offsetSeconds >= 0 ? '+' : '-';
  console.log(`\n==== test:clock ${scenario}: the clock starts at ${when(scenario)} ====`);
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
      ...excludes,
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
    `${r.ok ? 'passed' : 'FAILED'}  ${r.scenario.padEnd(11)} ${when(r.scenario)}  ${r.seconds} s`,
  );
}
process.exit(results.every((r) => r.ok) ? 0 : 1);
