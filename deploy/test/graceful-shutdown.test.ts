/**
 * Day two: the production bundle (apps/server/dist/main.js, what the image runs) stopped with
 * SIGTERM in the middle of a load, as Fly stops a machine on deploy, scale-down or autostop.
 *
 * Clients behave like Fly's proxy: keep-alive connections, a new request as soon as the previous
 * one answered. Goal: no request the server accepted fails. A connection refused after the
 * listener closed is not a failure (nothing was accepted; the proxy sends it elsewhere), and the
 * process must exit cleanly well within fly.toml's kill_timeout.
 *
 * The test also reports the process's memory idle and under this load (the VM size's basis).
 */

import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { type PostgresServer, readMemory, startPostgres } from '@habit-tracker/test-support';
import { parse } from 'smol-toml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT, type ServerProcess, startServer } from './support/processes';

const CLIENTS = 24;
const LOAD_BEFORE_SIGNAL_MS = 2_000;

let postgres: PostgresServer;
let server: ServerProcess;

beforeAll(async () => {
  postgres = await startPostgres({ label: 'deploy-sigterm' });
  server = await startServer({ DATABASE_URL: postgres.url, NODE_ENV: 'production' });
});

afterAll(async () => {
  await server?.stop(1_000);
  await postgres?.stop();
});

interface Outcome {
  ok: number;
  refused: number;
  failures: string[];
}

function send(
  agent: Agent,
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function signUp(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/v1/auth/sign-up',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        const cookie = res.headers['set-cookie']?.[0]?.split(';')[0];
        if (res.statusCode === 201 && cookie) resolve(cookie);
        else reject(new Error(`sign-up answered ${res.statusCode}`));
      },
    );
    req.on('error', reject);
    req.end(
      JSON.stringify({ email: 'load@example.com', password: 'correct horse', timeZone: 'UTC' }),
    );
  });
}

/** Resident memory in MiB now (VmRSS) and at its high-water mark (VmHWM). */
function memoryMiB(pid: number): { rssMiB: number; peakMiB: number } {
  const { rssKib, peakKib } = readMemory(pid);
  return { rssMiB: rssKib / 1024, peakMiB: peakKib / 1024 };
}

it('drains in-flight requests on SIGTERM: no accepted request fails, and it exits in time', async () => {
  const { port, pid } = server;
  const idle = memoryMiB(pid);
  const cookie = await signUp(port);
  // Secure cookies in production: the test client sends it back as a browser would over https.
  const headers = { cookie };

  const outcome: Outcome = { ok: 0, refused: 0, failures: [] };
  let inFlight = 0;
  let inFlightAtSignal = -1;
  let signalled = false;
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const paths = ['/api/v1/today', '/api/health', '/api/v1/habits'];

  const client = async (n: number) => {
    for (let i = 0; ; i++) {
      inFlight++;
      try {
        const res = await send(agent, port, paths[(n + i) % paths.length]!, headers);
        if (res.status >= 200 && res.status < 300) outcome.ok++;
        else outcome.failures.push(`${res.status} ${res.body.slice(0, 120)}`);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // The listener is closed: the request was never accepted. Stop, as a proxy would.
        if (code === 'ECONNREFUSED' && signalled) {
          outcome.refused++;
          return;
        }
        outcome.failures.push(`${code ?? ''} ${(error as Error).message}`);
        if (signalled) return;
      } finally {
        inFlight--;
      }
    }
  };

  const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));
  await new Promise((r) => setTimeout(r, LOAD_BEFORE_SIGNAL_MS));
  const underLoad = memoryMiB(pid);
  const okBeforeSignal = outcome.ok;

  const signalledAt = performance.now();
  inFlightAtSignal = inFlight;
  signalled = true;
  server.signal('SIGTERM');
  const exit = await server.exited;
  const exitMs = performance.now() - signalledAt;
  await Promise.all(clients);
  agent.destroy();

  const killTimeoutS = Number(
    (parse(readFileSync(join(ROOT, 'fly.toml'), 'utf8')) as { kill_timeout: number }).kill_timeout,
  );
  console.log(
    `SIGTERM under load: ${okBeforeSignal} ok before the signal, ${outcome.ok - okBeforeSignal} ok after it ` +
      `(${inFlightAtSignal} in flight when it came), ${outcome.refused} refused at connect, ` +
      `${outcome.failures.length} failed; exit ${exit.code} after ${Math.round(exitMs)} ms ` +
      `(kill_timeout ${killTimeoutS} s). Memory: ${idle.rssMiB.toFixed(0)} MiB RSS idle, ` +
      `${underLoad.peakMiB.toFixed(0)} MiB peak under ${CLIENTS} concurrent clients.`,
  );

  expect(inFlightAtSignal).toBeGreaterThan(0);
  expect(outcome.failures).toEqual([]);
  expect(okBeforeSignal).toBeGreaterThan(CLIENTS);
  expect(exit).toEqual({ code: 0, signal: null });
  expect(exitMs).toBeLessThan(killTimeoutS * 1000);
});
