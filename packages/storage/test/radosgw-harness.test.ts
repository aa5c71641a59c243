import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { startRadosgw } from '@habit-tracker/test-support';
import { describe, expect, it } from 'vitest';
import { createS3Client } from '../src/s3-client';
import { createTestBucket, s3StorageConfig } from '../src/testing/index';

/** Alive and not a zombie (a killed orphan stays one until init reaps it). */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Pids of processes whose command line mentions `text` (e.g. a cluster's folder). */
function processesMentioning(text: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function waitUntil(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe('startRadosgw', () => {
  it('starts a cluster that serves S3 on loopback and stops without leftovers', async () => {
    const server = await startRadosgw({ label: 'harness' });
    try {
      expect(new URL(server.endpoint).hostname).toBe('127.0.0.1');
      const pids = Object.values(server.pids);
      expect(pids.every(isRunning)).toBe(true);
      expect(existsSync(server.dir)).toBe(true);

      const bucket = await createTestBucket(server);
      const client = createS3Client(s3StorageConfig(server, bucket));
      const { Buckets } = await client.send(new ListBucketsCommand({}));
      client.destroy();
      expect(Buckets?.map((item) => item.Name)).toEqual([bucket]);
      const anonymous = await fetch(`${server.endpoint}/${bucket}`);
      expect(anonymous.status).toBe(403);

      await server.stop();
      expect(pids.filter(isRunning)).toEqual([]);
      expect(existsSync(server.dir)).toBe(false);
    } finally {
      await server.stop();
    }
  });

  it('fails with the step and the logs when the start runs out of time, and leaves nothing', async () => {
    await expect(startRadosgw({ label: 'too-slow', timeoutMs: 400 })).rejects.toThrow(
      /startRadosgw failed while [\w ]+: [\s\S]*(---|no logs written)/,
    );
    expect(processesMentioning('habit-rgw-too-slow-')).toEqual([]);
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('habit-rgw-too-slow-'))).toEqual(
      [],
    );
  });

  it('stops the daemons of a test process that was killed, at the next start', async () => {
    const owner = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { startRadosgw } from '@habit-tracker/test-support';
         const server = await startRadosgw({ label: 'orphaned' });
         console.log(JSON.stringify({ pids: Object.values(server.pids), dir: server.dir }));
         setInterval(() => {}, 1000);`,
      ],
      { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const started = await new Promise<{ pids: number[]; dir: string }>((resolve, reject) => {
      let output = '';
      owner.stdout.on('data', (chunk) => {
        output += chunk;
        if (output.includes('\n')) resolve(JSON.parse(output));
      });
      owner.once('exit', (code) => reject(new Error(`the owner exited early (${code})`)));
    });
    // SIGKILL: no exit hook runs, the daemons are orphaned.
    owner.kill('SIGKILL');
    await new Promise((resolve) => owner.once('exit', resolve));
    expect(started.pids.every(isRunning)).toBe(true);

    const next = await startRadosgw({ label: 'sweeper' });
    try {
      expect(await waitUntil(() => !started.pids.some(isRunning), 5_000)).toBe(true);
      expect(existsSync(started.dir)).toBe(false);
    } finally {
      await next.stop();
    }
  });
});
