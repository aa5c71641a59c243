/**
 * Runs a command against a throwaway PostgreSQL server, then throws the server away.
 *
 *   npx tsx scripts/with-postgres.ts [--durable] [--set name=value]... -- <command> [args...]
 *
 * The command gets DATABASE_URL (and PGHOST/PGPORT/PGUSER/PGDATABASE, so a bare `psql` works) and
 * this script exits with the command's exit code. The server runs with the test harness's
 * no-durability settings unless `--durable` (what a benchmark should measure) or `--set` says
 * otherwise.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { startPostgres } from '@habit-tracker/test-support';

const USAGE =
  'usage: npx tsx scripts/with-postgres.ts [--durable] [--set name=value]... -- <command> [args...]';

const DURABLE_SETTINGS = { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' };

function parseArgs(argv: string[]): { settings: Record<string, string>; command: string[] } {
  const separator = argv.indexOf('--');
  const command = separator === -1 ? [] : argv.slice(separator + 1);
  const flags = separator === -1 ? argv : argv.slice(0, separator);
  const settings: Record<string, string> = {};
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i];
    if (flag === '--durable') {
      Object.assign(settings, DURABLE_SETTINGS);
    } else if (flag === '--set' && flags[i + 1]?.includes('=')) {
      const assignment = flags[++i]!;
      const eq = assignment.indexOf('=');
      settings[assignment.slice(0, eq)] = assignment.slice(eq + 1);
    } else {
      fail(`unexpected argument ${JSON.stringify(flag)}`);
    }
  }
  if (command.length === 0) fail('no command given after --');
  return { settings, command };
}

function fail(message: string): never {
  console.error(`with-postgres: ${message}\n${USAGE}`);
  process.exit(2);
}

const { settings, command } = parseArgs(process.argv.slice(2));
const startedAt = performance.now();
const server = await startPostgres({ label: 'with-postgres', settings });
console.error(
  `with-postgres: DATABASE_URL=${server.url} (started in ${Math.round(performance.now() - startedAt)} ms)`,
);

const child = spawn(command[0]!, command.slice(1), {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: server.url,
    PGHOST: '127.0.0.1',
    PGPORT: String(server.port),
    PGUSER: 'postgres',
    PGDATABASE: new URL(server.url).pathname.slice(1),
  },
});

// The harness stops the server on these signals; make sure the command stops too (it may not share
// our process group), and still exit with its code.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}

const exitCode = await new Promise<number>((resolve) => {
  child.once('error', (error) => {
    console.error(`with-postgres: could not run ${command[0]}: ${error.message}`);
    resolve(127);
  });
  child.once('exit', (code, signal) => {
    resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
  });
});

await server.stop();
process.exit(exitCode);
