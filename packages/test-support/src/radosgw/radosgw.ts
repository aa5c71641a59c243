import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../free-port';
import { type CephPorts, RADOSGW_NAME, renderCephConf } from './ceph-conf';
import {
  type ClusterProcesses,
  logTails,
  spawnDaemon,
  stopCluster,
  sweepOrphanedClusters,
  trackCluster,
} from './daemons';

/**
 * What a test needs to reach the radosgw: plain data, so a global setup can `provide` it.
 * Buckets and clients are the storage package's (@habit-tracker/storage/testing).
 */
export interface RadosgwConnection {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface RadosgwServer extends RadosgwConnection {
  /** Stops radosgw, then the OSD, then the monitor, and removes the folder. Safe to call twice. */
  stop(): Promise<void>;
  /** The cluster's temp folder (config, logs, monitor store). */
  dir: string;
  pids: { monitor: number; osd: number; radosgw: number };
}

export interface StartRadosgwOptions {
  /** Shows up in the temp folder's name, to tell clusters apart. */
  label?: string;
  /** The whole start, from nothing to a usable S3 user; 60 s by default. */
  timeoutMs?: number;
}

const FOLDER_PREFIX = 'habit-rgw-';
const BINARIES = [
  'ceph-authtool',
  'monmaptool',
  'ceph-mon',
  'ceph',
  'ceph-osd',
  'radosgw',
  'radosgw-admin',
];
const INSTALL_HINT =
  'Install Ceph with `apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd` (Debian 12).';
/** Any region signs; radosgw does not check it against its zonegroup. */
const REGION = 'us-east-1';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

/**
 * A throwaway S3 service for tests: a single-node Ceph cluster (one monitor, one OSD keeping
 * its data in memory, one radosgw) on 127.0.0.1 at free ports, in a temp folder, with one S3
 * user. A real S3 implementation: it checks SigV4 signatures, expiry and signed headers.
 * Starts in about a second (see ceph-conf.ts for what keeps it that short); still, start one per
 * test run and give each test file a bucket of its own.
 */
export async function startRadosgw(options: StartRadosgwOptions = {}): Promise<RadosgwServer> {
  const binaries = findBinaries();
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  sweepOrphanedClusters(tmpdir(), FOLDER_PREFIX);

  const label = (options.label ?? 'test').replace(/[^a-zA-Z0-9_-]/g, '-');
  const dir = await mkdtemp(join(tmpdir(), `${FOLDER_PREFIX}${label}-`));
  const cluster = trackCluster(dir);
  let step = 'preparing the folder';
  try {
    const conf = join(dir, 'ceph.conf');
    const ports = await choosePorts();
    const fsid = randomUUID();
    for (const folder of ['run', 'log', 'mon', 'osd', 'radosgw']) await mkdir(join(dir, folder));
    await writeFile(conf, renderCephConf(dir, fsid, ports));
    /** Runs a Ceph tool to completion, within the start's time. */
    const run = (tool: string, args: string[]) =>
      runUntil(deadline, binaries.get(tool)!, args, dir);
    /** Starts a daemon in the foreground (-f), as our child. */
    const start = (name: string, tool: string, args: string[]) =>
      spawnDaemon(cluster, name, binaries.get(tool)!, ['-c', conf, ...args, '-f']);

    step = 'creating the monitor';
    const keyring = join(dir, 'keyring');
    const monmap = join(dir, 'monmap');
    const monAddresses = `[v2:127.0.0.1:${ports.monV2},v1:127.0.0.1:${ports.monV1}]`;
    const monCaps = ['--cap', 'mon', 'allow *'];
    await run('ceph-authtool', [
      '--create-keyring',
      keyring,
      '--gen-key',
      '-n',
      'mon.',
      ...monCaps,
    ]);
    await run('monmaptool', ['--create', '--addv', 'a', monAddresses, '--fsid', fsid, monmap]);
    const monFiles = ['--monmap', monmap, '--keyring', keyring];
    await run('ceph-mon', ['-c', conf, '--mkfs', '-i', 'a', ...monFiles]);

    step = 'starting the monitor';
    const monitor = start('mon', 'ceph-mon', ['-i', 'a']);

    step = 'creating the OSD';
    const osdUuid = randomUUID();
    const osdId = (await run('ceph', ['-c', conf, 'osd', 'new', osdUuid])).trim();
    if (!/^\d+$/.test(osdId)) throw new Error(`\`ceph osd new\` printed ${JSON.stringify(osdId)}`);
    await mkdir(join(dir, 'osd', `ceph-${osdId}`));
    await run('ceph-osd', ['-c', conf, '-i', osdId, '--mkfs', '--osd-uuid', osdUuid]);

    step = 'starting the OSD';
    const osd = start('osd', 'ceph-osd', ['-i', osdId]);

    step = 'starting radosgw';
    const radosgw = start('radosgw', 'radosgw', ['-n', RADOSGW_NAME]);
    const endpoint = `http://127.0.0.1:${ports.radosgw}`;
    await waitForHttp(endpoint, cluster, deadline);

    step = 'creating the S3 user';
    const accessKeyId = randomText(20, UPPER + DIGITS);
    const secretAccessKey = randomText(40, UPPER + UPPER.toLowerCase() + DIGITS);
    await run('radosgw-admin', [
      ...['-c', conf, 'user', 'create', '--uid=test', '--display-name=test'],
      ...[`--access-key=${accessKeyId}`, `--secret-key=${secretAccessKey}`],
    ]);

    const connection: RadosgwConnection = {
      endpoint,
      region: REGION,
      accessKeyId,
      secretAccessKey,
    };
    let stopping: Promise<void> | undefined;
    return {
      ...connection,
      dir,
      pids: {
        monitor: monitor.child.pid ?? 0,
        osd: osd.child.pid ?? 0,
        radosgw: radosgw.child.pid ?? 0,
      },
      stop() {
        stopping ??= stopCluster(cluster);
        return stopping;
      },
    };
  } catch (error) {
    const logs = await logTails(dir);
    await stopCluster(cluster);
    throw new Error(`startRadosgw failed while ${step}: ${(error as Error).message}\n${logs}`, {
      cause: error,
    });
  }
}

function findBinaries(): Map<string, string> {
  // Where Debian (and a source build) puts them; the harness reads no environment variables.
  const folders = ['/usr/bin', '/usr/local/bin', '/usr/sbin'];
  const found = new Map<string, string>();
  const missing: string[] = [];
  for (const name of BINARIES) {
    const folder = folders.find((candidate) => existsSync(join(candidate, name)));
    if (folder) found.set(name, join(folder, name));
    else missing.push(name);
  }
  if (missing.length > 0)
    throw new Error(`Ceph is not installed (missing ${missing.join(', ')}). ${INSTALL_HINT}`);
  return found;
}

/**
 * Three single ports from the kernel (its ephemeral range), and for the OSD — which binds
 * several ports from a range of its own choosing — a range below the ephemeral one, so that
 * it never meets a port picked the other way. Ceph skips ports of the range that are taken.
 */
async function choosePorts(): Promise<CephPorts> {
  const picked = new Set<number>();
  const pick = async () => {
    for (;;) {
      const port = await findFreePort();
      if (!picked.has(port)) {
        picked.add(port);
        return port;
      }
    }
  };
  const ephemeralMin = await ephemeralPortMin();
  const width = 200;
  const min = 10_000 + Math.floor(Math.random() * (ephemeralMin - 10_000 - width));
  return {
    monV1: await pick(),
    monV2: await pick(),
    radosgw: await pick(),
    messengerRange: { min, max: min + width - 1 },
  };
}

async function ephemeralPortMin(): Promise<number> {
  const range = await readFile('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').catch(() => '');
  const min = Number(range.trim().split(/\s+/)[0]);
  return Number.isInteger(min) && min > 12_000 ? min : 32_768;
}

function runUntil(deadline: number, command: string, args: string[], cwd: string): Promise<string> {
  const timeout = Math.max(1, deadline - Date.now());
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, timeout, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      if (!error) {
        resolve(stdout);
        return;
      }
      const why = error.killed
        ? `timed out (${timeout} ms left of the start's time)`
        : `exit ${error.code}`;
      reject(new Error(`${command} ${args.join(' ')}: ${why}\n${stdout}${stderr}`.trimEnd()));
    });
  });
}

/** Until radosgw answers HTTP; fails early when any daemon has died. */
async function waitForHttp(
  endpoint: string,
  cluster: ClusterProcesses,
  deadline: number,
): Promise<void> {
  for (;;) {
    const dead = cluster.daemons.find((daemon) => daemon.hasExited());
    if (dead)
      throw new Error(
        `${dead.name} exited (code ${dead.child.exitCode}, signal ${dead.child.signalCode})`,
      );
    try {
      await fetch(endpoint, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`radosgw did not answer on ${endpoint} in time`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function randomText(length: number, alphabet: string): string {
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
}
