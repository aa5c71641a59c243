import { type ChildProcess, spawn } from 'node:child_process';
import {
  appendFileSync,
  closeSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { onProcessEnd, processExists } from '../exit-hooks';

/**
 * Bookkeeping for the Ceph daemons of throwaway clusters: each runs in the foreground as our
 * child, its output in a file; stops are graceful first; whatever is still running when the
 * test process exits (normally, or on Ctrl-C / SIGTERM) is killed, and a process that died
 * without running hooks (SIGKILL) has its daemons swept by the next start.
 */
export interface Daemon {
  name: string;
  child: ChildProcess;
  /** The daemon's stdout and stderr. */
  outputFile: string;
  exited: Promise<void>;
  hasExited: () => boolean;
}

export interface ClusterProcesses {
  dir: string;
  /** In start order; stopped in reverse. */
  daemons: Daemon[];
}

const OWNER_FILE = 'owner.pid';
const PIDS_FILE = 'daemon.pids';
const STOP_GRACE_MS = 10_000;

const running = new Set<ClusterProcesses>();

export function trackCluster(dir: string): ClusterProcesses {
  installExitHooksOnce();
  writeFileSync(join(dir, OWNER_FILE), String(process.pid));
  const cluster: ClusterProcesses = { dir, daemons: [] };
  running.add(cluster);
  return cluster;
}

export function spawnDaemon(
  cluster: ClusterProcesses,
  name: string,
  command: string,
  args: string[],
): Daemon {
  const outputFile = join(cluster.dir, `${name}.out`);
  const output = openSync(outputFile, 'a');
  const child = spawn(command, args, { cwd: cluster.dir, stdio: ['ignore', output, output] });
  closeSync(output);
  // The exit hooks stop the daemons; they must not keep the test process alive by themselves.
  child.unref();
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => {
    const done = () => {
      exited = true;
      resolve();
    };
    child.once('exit', done);
    child.once('error', done);
  });
  if (child.pid) appendFileSync(join(cluster.dir, PIDS_FILE), `${child.pid}\n`);
  const daemon: Daemon = {
    name,
    child,
    outputFile,
    exited: exitedPromise,
    hasExited: () => exited,
  };
  cluster.daemons.push(daemon);
  return daemon;
}

/** Stops the daemons newest first (radosgw → OSD → monitor) and removes the folder. */
export async function stopCluster(cluster: ClusterProcesses): Promise<void> {
  for (const daemon of [...cluster.daemons].reverse()) await stopDaemon(daemon);
  running.delete(cluster);
  rmSync(cluster.dir, { recursive: true, force: true });
}

async function stopDaemon(daemon: Daemon): Promise<void> {
  if (daemon.hasExited()) return;
  daemon.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), STOP_GRACE_MS);
  });
  const late = await Promise.race([daemon.exited.then(() => false), timedOut]);
  clearTimeout(timer);
  if (late) {
    daemon.child.kill('SIGKILL');
    await daemon.exited;
  }
}

/** Synchronous, for 'exit' handlers, which cannot wait: no grace, the data dies anyway. */
function killClusterSync(cluster: ClusterProcesses): void {
  for (const daemon of [...cluster.daemons].reverse()) {
    if (!daemon.hasExited()) daemon.child.kill('SIGKILL');
  }
  running.delete(cluster);
  rmSync(cluster.dir, { recursive: true, force: true });
}

let exitHooksInstalled = false;

function installExitHooksOnce(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  onProcessEnd(() => {
    for (const cluster of [...running]) killClusterSync(cluster);
  });
}

/**
 * Kills the daemons of clusters whose owning process is gone (it was SIGKILLed, so no hook ran)
 * and removes their folders. A pid is only killed while its command line still names the
 * cluster's folder, so a recycled pid is never hit.
 */
export function sweepOrphanedClusters(parent: string, folderPrefix: string): void {
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(folderPrefix)) continue;
    const dir = join(parent, name);
    const owner = Number(readTextOr(join(dir, OWNER_FILE), ''));
    if (!Number.isInteger(owner) || owner <= 0 || processExists(owner)) continue;
    for (const line of readTextOr(join(dir, PIDS_FILE), '').split('\n')) {
      const pid = Number(line);
      if (
        Number.isInteger(pid) &&
        pid > 0 &&
        readTextOr(`/proc/${pid}/cmdline`, '').includes(dir)
      ) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function readTextOr(file: string, fallback: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

/** The last lines of every log and daemon output in the cluster's folder, to explain a failure. */
export async function logTails(dir: string, lines = 15): Promise<string> {
  const files = [
    ...readdirSafe(dir)
      .filter((name) => name.endsWith('.out'))
      .map((name) => join(dir, name)),
    ...readdirSafe(join(dir, 'log')).map((name) => join(dir, 'log', name)),
  ];
  const parts: string[] = [];
  for (const file of files) {
    const text = (await readFile(file, 'utf8').catch(() => '')).trimEnd();
    if (text) parts.push(`--- ${file} (tail) ---\n${text.split('\n').slice(-lines).join('\n')}`);
  }
  return parts.join('\n') || '(no logs written)';
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
